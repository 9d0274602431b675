import { CliError, type CliIo } from "./io.js";

/** Reads a line from a terminal without echoing it. */
export function promptHidden(io: CliIo, question: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) {
    return Promise.reject(new CliError("No password given: pass -p/--password, --password-stdin, or run in a terminal"));
  }
  const setRawMode = stdin.setRawMode.bind(stdin);
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      setRawMode(false);
      stdin.pause();
      io.stderr.write("\n");
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          finish();
          return resolve(value);
        }
        if (ch === "\u0003") {
          finish();
          return reject(new CliError("Cancelled", 130));
        }
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
  });
}

/** The whole of standard input, without its trailing newline (`--password-stdin`). */
export async function readStdin(io: CliIo): Promise<string> {
  let text = "";
  for await (const chunk of io.stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, "");
}
