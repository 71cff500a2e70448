// A text box that offers the options matching what is typed (Fluent's Combobox, freeform): "My council" and
// a comparator group's council. Its list, popup positioning and keyboard handling are a fifth of the pane's
// script, so it loads on demand: use it through lazyParts.tsx, never import it directly.
import { Combobox, Option } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface SearchOption {
  /** Unique among the options: what onSelect receives. */
  value: string;
  /** The option's text, shown in the box once it is chosen. */
  text: string;
}

export interface SearchBoxProps {
  /** The text in the box. */
  value: string;
  /** The chosen option's value; "" for none. */
  selected: string;
  placeholder: string;
  options: readonly SearchOption[];
  /** Shown, as a disabled option, when no option matches. */
  empty?: ReactNode;
  onInput: (text: string) => void;
  onSelect: (value: string | undefined) => void;
  onOpenChange?: (open: boolean) => void;
  onFocus?: () => void;
}

export function SearchBox(props: SearchBoxProps) {
  const { value, selected, placeholder, options, empty, onInput, onSelect, onOpenChange, onFocus } = props;
  return (
    <Combobox
      freeform
      placeholder={placeholder}
      value={value}
      selectedOptions={selected ? [selected] : []}
      onFocus={onFocus}
      onChange={(e) => onInput(e.target.value)}
      onOptionSelect={(_e, d) => onSelect(d.optionValue)}
      onOpenChange={onOpenChange && ((_e, d) => onOpenChange(d.open))}
    >
      {options.map((o) => (
        <Option key={o.value} value={o.value} text={o.text}>
          {o.text}
        </Option>
      ))}
      {empty !== undefined && options.length === 0 && (
        <Option key="none" value="" text="" disabled>
          {empty}
        </Option>
      )}
    </Combobox>
  );
}
