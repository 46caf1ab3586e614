/** C0/C1 control characters (newline, tab and escape included): never allowed in ids or printed raw. */
const _CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const _CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/** True when `text` holds a control character (an ANSI escape, a newline, a tab…). */
export function hasControls(text: string): boolean {
  return _CONTROL.test(text);
}

/** `text` with each control character written as `\uXXXX`, safe to print in a terminal. */
export function escapeControls(text: string): string {
  return text.replace(_CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
