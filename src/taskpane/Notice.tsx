// A message next to the control it is about: what worked, or what went wrong in words to act on.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import { useCallback, useState } from "react";

export interface NoticeMessage {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  text: string;
}

export function Notice({ notice, onDismiss }: { notice: NoticeMessage; onDismiss?: () => void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="Dismiss"
              icon={<Dismiss20Regular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}

/**
 * Where a notice appears: right beside the control that caused it, inside a live region that is always
 * there (so screen readers announce what is put into it).
 */
export function NoticeArea({
  notice,
  onDismiss,
  className,
}: {
  notice?: NoticeMessage;
  /** Offers a Dismiss button; notices that go away by themselves (they describe a state) have none. */
  onDismiss?: () => void;
  className?: string;
}) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {notice && <Notice notice={notice} onDismiss={onDismiss} />}
    </div>
  );
}

/** One control's notice: what to show, and setters to pass down (both stable). */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeMessage>();
  const dismiss = useCallback(() => setNotice(undefined), []);
  return { notice, notify: setNotice, dismiss };
}
