// Characters a person can't see but software acts on: control characters (C0, DEL, C1; NUL among
// them, which Postgres can't store, and ESC/CSI, which drive terminals) and the bidirectional
// overrides, embeddings, isolates and marks that make "cv‮fdp.exe" show as "cvexe.pdf".
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HIDDEN_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` without hidden characters; with `keepLines`, tabs and newlines stay (a multi-line summary). */
export const withoutHidden = (s: string, opts: { keepLines?: boolean } = {}) => s.replace(opts.keepLines ? HIDDEN_BUT_LINES : HIDDEN, "");
