import { zipFiles } from './zip-files.js';

const _TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const _RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A DOCX whose `word/document.xml` repeats one paragraph until it is about `xmlBytes` long: it compresses
 * about 250:1 (a 320 KB file holding 84 MB of XML). `lie` declares a tiny uncompressed size in the zip
 * headers, to test that the real size is checked too.
 */
export function hostileDocx({ xmlBytes = 84 * 1024 * 1024, text = 'All work and no play makes a dull document.', lie = false }: { xmlBytes?: number; text?: string; lie?: boolean } = {}): Uint8Array {
  const para = `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const xml = Buffer.from(head + para.repeat(Math.max(1, Math.floor((xmlBytes - head.length - tail.length) / para.length))) + tail);
  return zipFiles([
    { name: '[Content_Types].xml', data: _TYPES },
    { name: '_rels/.rels', data: _RELS },
    { name: 'word/document.xml', data: xml, ...(lie ? { declaredSize: 1000 } : {}) },
  ]);
}
