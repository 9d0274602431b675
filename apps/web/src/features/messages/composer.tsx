import { ActionIcon, Group, Text, Textarea } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { useState, type KeyboardEvent } from "react";
import { MESSAGE_MAX_CHARS } from "@atrium/sdk";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";

interface ComposerProps {
  onSend: (content: string) => Promise<unknown>;
  sending: boolean;
  label?: string;
  autoFocus?: boolean;
}

/** Enter sends, Shift+Enter starts a new line; what the api refuses shows under the box. */
export function Composer({ onSend, sending, label = "Message", autoFocus }: ComposerProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const tooLong = text.trim().length > MESSAGE_MAX_CHARS;
  const send = async () => {
    if (!text.trim() || tooLong || sending) return;
    try {
      await onSend(text);
      setText("");
      setError(null);
    } catch (e) {
      setError(fieldErrorsOf(e).content?.[0] ?? fieldErrorsOf(e).receiverId?.[0] ?? errorMessage(e));
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // An IME composing a character uses Enter too.
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Textarea
        style={{ flex: 1 }}
        aria-label={label}
        placeholder="Write a message (Enter sends, Shift+Enter for a new line)"
        autosize
        minRows={1}
        maxRows={6}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        error={error ?? (tooLong ? `At most ${MESSAGE_MAX_CHARS.toLocaleString("en-US")} characters` : undefined)}
        autoFocus={autoFocus}
        data-testid="composer"
      />
      <ActionIcon size="lg" mb={error || tooLong ? 24 : 4} onClick={() => void send()} loading={sending} disabled={!text.trim() || tooLong} aria-label="Send">
        <IconSend size={18} />
      </ActionIcon>
      {text.length > MESSAGE_MAX_CHARS * 0.9 && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {text.trim().length}/{MESSAGE_MAX_CHARS}
        </Text>
      )}
    </Group>
  );
}
