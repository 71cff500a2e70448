// "My council": a searchable list of councils by name, former name (St Edmundsbury → West Suffolk) or
// ONS code. Typing filters the list; arrow keys and Enter pick one, as in any combobox.
import { Combobox, Field, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CouncilDirectory } from "../../core/councils.js";
import { codeOfOption, searchCouncils } from "./councilSearch.js";

export interface CouncilPickerProps {
  directory?: CouncilDirectory;
  /** The chosen council's code; "" for none. */
  value: string;
  onChange: (code: string) => void;
  /** Called when the user starts using the picker, so the data (and its councils) can load. */
  onFocus?: () => void;
  loading?: boolean;
}

export function CouncilPicker({ directory, value, onChange, onFocus, loading }: CouncilPickerProps) {
  const [query, setQuery] = useState<string>();
  const options = useMemo(
    () => (directory ? searchCouncils(directory, query ?? "") : []),
    [directory, query],
  );
  const chosen = directory && value ? directory.byCode(value) : undefined;
  const shown = query ?? chosen?.shortName ?? "";

  let hint = "Type its name, a former council's name or its ONS code (such as E07000245).";
  if (loading && !directory) hint = "Loading the list of councils…";
  return (
    <Field label="My council" hint={hint}>
      <Combobox
        freeform
        placeholder="Type a council's name"
        value={shown}
        selectedOptions={value ? [value] : []}
        onFocus={onFocus}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_e, d) => {
          if (!d.optionValue) return;
          setQuery(undefined);
          onChange(codeOfOption(d.optionValue));
        }}
        onOpenChange={(_e, d) => {
          // Closing without choosing puts the chosen council's name back.
          if (!d.open) setQuery(undefined);
        }}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value} text={o.text}>
            {o.text}
          </Option>
        ))}
        {directory && options.length === 0 && (
          <Option key="none" value="" text="" disabled>
            No council matches “{query}”
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
