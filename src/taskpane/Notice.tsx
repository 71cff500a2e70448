// One message at a time at the top of the pane: what worked, or what went wrong in words to act on.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";

export interface NoticeMessage {
  intent: "success" | "error" | "warning" | "info";
  title?: string;
  text: string;
}

export function Notice({ notice, onDismiss }: { notice: NoticeMessage; onDismiss: () => void }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
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
    </MessageBar>
  );
}
