import { Argument, type Command } from "commander";
import type { CliContext } from "../cli/context.js";

/** Every command path ("", " jobs", " jobs run") with the words that may follow it. */
function tree(cmd: Command, path = "", out = new Map<string, string[]>()): Map<string, string[]> {
  const words = [...cmd.commands.map((c) => c.name()), ...cmd.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f))];
  out.set(path, [...words, "--help"]);
  for (const sub of cmd.commands) tree(sub, `${path} ${sub.name()}`, out);
  return out;
}

/** A bash completion function generated from the command tree, so it never falls behind it. */
export function bashCompletion(program: Command): string {
  const paths = tree(program);
  const known = [...paths.keys()].filter(Boolean).map((p) => `"${p}"`).join("|");
  const cases = [...paths].map(([p, words]) => `    "${p}") words="${words.join(" ")}" ;;`).join("\n");
  return `# atrium completion (bash); zsh: autoload -U +X bashcompinit && bashcompinit first
_atrium_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" words="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$path $w" in
      ${known}) path="$path $w" ;;
    esac
  done
  case "$path" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _atrium_complete atrium
`;
}

/** `atrium completion bash|zsh`: eval "$(atrium completion bash)" in ~/.bashrc (or ~/.zshrc). */
export function registerCompletion(program: Command, ctx: CliContext): void {
  program
    .command("completion")
    .description('print a shell completion script: eval "$(atrium completion bash)"')
    .addArgument(new Argument("<shell>", "bash | zsh").choices(["bash", "zsh"]))
    .option("--json", "print the command tree as JSON instead")
    .action((shell: "bash" | "zsh", opts: { json?: boolean }) => {
      if (opts.json) return void ctx.io.stdout.write(`${JSON.stringify(Object.fromEntries(tree(program)), null, 2)}\n`);
      const script = bashCompletion(program);
      ctx.io.stdout.write(shell === "zsh" ? `autoload -U +X bashcompinit && bashcompinit\n${script}` : script);
    });
}
