// An optional comparator group: councils like one council (same tier, type, region, or CIPFA neighbours),
// or one of the workbook's own groups.
import { Field } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Council } from "../core/model.js";
import { GROUP_KINDS } from "./labels.js";
import { FitSelect } from "./FitSelect.js";
import { SearchBox } from "./lazyParts.js";

export interface GroupChoice {
  kind: string;
  council: string;
}

export interface GroupPickerProps {
  value: GroupChoice;
  onChange: (group: GroupChoice) => void;
  councils: readonly Council[];
  /** Names of the workbook's custom groups; a custom group's name is its kind in a table's spec. */
  customGroups?: readonly string[];
}

const MAX_OPTIONS = 60;

export function GroupPicker({ value, onChange, councils, customGroups = [] }: GroupPickerProps) {
  const [query, setQuery] = useState("");
  const sorted = useMemo(
    () => [...councils].sort((a, b) => a.name.localeCompare(b.name, "en-GB")),
    [councils],
  );
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return sorted.filter((c) => !q || c.name.toLowerCase().includes(q) || c.code.toLowerCase() === q);
  }, [sorted, query]);
  const options = useMemo(
    () => matches.slice(0, MAX_OPTIONS).map((c) => ({ value: c.code, text: c.name })),
    [matches],
  );
  const chosen = councils.find((c) => c.code === value.council);

  return (
    <>
      <Field
        label="Comparator group"
        hint="Without one, each council is compared with like councils, as LADE did."
      >
        <FitSelect value={value.kind} onChange={(_e, d) => onChange({ ...value, kind: d.value })}>
          <option value="">All like councils</option>
          {GROUP_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
          {customGroups.length > 0 && (
            <optgroup label="This workbook's groups">
              {customGroups.map((name) => (
                <option key={`custom:${name}`} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
          )}
        </FitSelect>
      </Field>
      {value.kind && (
        <Field label="Council" required validationMessage={value.council ? undefined : "Choose your council"}>
          <SearchBox
            placeholder="Type a council's name"
            value={query || chosen?.name || ""}
            selected={value.council}
            options={options}
            onInput={setQuery}
            onSelect={(council) => {
              setQuery("");
              onChange({ ...value, council: council ?? "" });
            }}
          />
        </Field>
      )}
    </>
  );
}
