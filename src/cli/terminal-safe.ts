// C0 controls except tab and newline, DEL, C1 controls, and bidi overrides/isolates.
const _UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Make text from documents safe to print to a terminal: every control character that could start an escape
 * sequence (ESC, CSI, OSC's BEL, carriage return, …) is shown as a visible `\xNN` / `\uNNNN` escape, so a
 * document holding `\x1b[31m` or `\x1b]0;title\x07` can neither recolour nor retitle the user's terminal.
 * Tab and newline are kept. Per character, so it is safe on streamed fragments too.
 */
export function terminalSafe(text: string): string {
  return text.replace(_UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
