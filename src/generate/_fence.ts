// Untrusted text (retrieved sources, questions, claims) must not close a fence or speak a chat template.
// The check runs on a folded copy — NFKC, zero-width and format characters removed, common Cyrillic/Greek
// look-alikes mapped to Latin — so `<\u200b/sources>`, `＜/sources＞` and `</sоurces>` (Cyrillic о) are caught;
// the original text is kept and only the opening character of each match is replaced by an entity.

const FENCE_TAG = /<\s*\/?\s*(?:sources?|claim|question|documents?|context|instructions?|system)\b/gi;
// Chat-template control tokens of ChatML, Llama 2/3, Mistral, Gemma, Phi and GPT-style tokenizers.
const TEMPLATE_TOKEN = /<\|[^|<>\n]{1,40}\|>|\[\s*\/?\s*inst\s*\]|<<\s*\/?\s*sys\s*>>|<\s*\/?\s*s\s*>|<\s*\/?\s*(?:start|end)_of_turn\s*>/gi;
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]/;
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', һ: 'h', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't', у: 'y', х: 'x', ԝ: 'w', ү: 'y', ӏ: 'l',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // angle brackets, slashes and bars NFKC leaves alone
  '‹': '<', '〈': '<', '⟨': '<', '˂': '<', 'ᐸ': '<', '❮': '<', '›': '>', '〉': '>', '⟩': '>', '˃': '>', 'ᐳ': '>', '❯': '>',
  '∕': '/', '⁄': '/', '⧸': '/', '╱': '/', '∣': '|', '￨': '|', 'ǀ': '|',
};

/** Neutralises fence look-alikes (`</source>`, `<\u200b/sources>`, `＜/sources＞`…) and chat-template tokens (`<|im_end|>`, `[INST]`, `</s>`…) in untrusted text. */
export function _fenceText(text: string): string {
  const { folded, origin } = _fold(text);
  const starts = new Set<number>();
  for (const re of [FENCE_TAG, TEMPLATE_TOKEN]) for (const m of folded.matchAll(re)) starts.add(origin[m.index]!);
  if (starts.size === 0) return text;
  let out = '';
  let last = 0;
  for (const at of [...starts].sort((a, b) => a - b)) {
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    out += text.slice(last, at) + _entity(ch);
    last = at + ch.length;
  }
  return out + text.slice(last);
}

/** Escapes a value for a double-quoted tag attribute. */
export function _attr(value: string): string {
  return _fenceText(value).replace(/&(?!lt;|#\d+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ');
}

/** The folded text and, per folded UTF-16 unit, the index of the original character it came from. */
function _fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!INVISIBLE.test(ch)) {
      const nfkc = ch.normalize('NFKC');
      const mapped = [...nfkc].map((c) => LOOK_ALIKES[c] ?? LOOK_ALIKES[c.toLowerCase()] ?? c).join('');
      folded += mapped;
      for (let k = 0; k < mapped.length; k++) origin.push(i);
    }
    i += ch.length;
  }
  return { folded, origin };
}

function _entity(ch: string): string {
  return ch === '<' ? '&lt;' : `&#${ch.codePointAt(0)};`;
}
