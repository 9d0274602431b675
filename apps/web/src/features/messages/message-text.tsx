import Linkify from "linkify-react";

// Text only: React escapes it, and linkify turns plain URLs into anchors it builds itself
// (never HTML from the message). Only web and mail links; each opens apart from the app.
const OPTIONS = {
  defaultProtocol: "https",
  target: "_blank",
  rel: "noopener noreferrer nofollow",
  validate: { url: (value: string) => /^(https?:\/\/|www\.|[^:]+$)/i.test(value) },
};

export function MessageText({ text }: { text: string }) {
  return (
    <span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      <Linkify options={OPTIONS}>{text}</Linkify>
    </span>
  );
}
