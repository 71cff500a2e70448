// A determinate progress bar for work counted in steps (insert, refresh), with what is happening in words.
import { Field, ProgressBar } from "@fluentui/react-components";

export interface Steps {
  done: number;
  total: number;
  what: string;
}

export function StepProgress({ label, steps }: { label: string; steps: Steps }) {
  return (
    <Field
      label={label}
      validationMessage={`${steps.what}: ${steps.done} of ${steps.total} steps done`}
      validationState="none"
    >
      <ProgressBar value={steps.done} max={Math.max(1, steps.total)} />
    </Field>
  );
}
