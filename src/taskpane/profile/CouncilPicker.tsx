// "My council": a searchable list of councils by name, former name (St Edmundsbury → West Suffolk) or
// ONS code. Typing filters the list; arrow keys and Enter pick one, as in any combobox.
import { Field } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CouncilDirectory } from "../../core/councils.js";
import { SearchBox } from "../lazyParts.js";
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
      <SearchBox
        placeholder="Type a council's name"
        value={shown}
        selected={value}
        options={options}
        empty={directory ? <>No council matches “{query}”</> : undefined}
        onFocus={onFocus}
        onInput={setQuery}
        onSelect={(option) => {
          if (!option) return;
          setQuery(undefined);
          onChange(codeOfOption(option));
        }}
        onOpenChange={(open) => {
          // Closing without choosing puts the chosen council's name back.
          if (!open) setQuery(undefined);
        }}
      />
    </Field>
  );
}
