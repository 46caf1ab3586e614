/**
 * Generates the binary documents of the sample knowledge base (examples/sample-kb):
 *   - security-whitepaper.pdf            (3 pages, so page citations matter)
 *   - refund-and-cancellation-policy.docx (headings, lists and a table)
 * Run: node --import tsx scripts/make-sample-kb.ts   — the outputs are committed; re-run after editing text here.
 *
 * Notes on the sample knowledge base (kept here because a README inside it would be ingested):
 *   Tallyo is a fictional invoicing/expense SaaS. Facts are deliberately concrete and consistent across files.
 *   pricing.md is the OLD page (effective 1 January 2025: Enterprise $49/seat/month, min 25 seats, Net 30,
 *   price guaranteed 12 months); examples/sample-kb-update/pricing.md is the CURRENT page (effective
 *   1 March 2026: Enterprise $54/seat/month, min 20 seats, Net 45, guaranteed 24 months). No other file states
 *   the Enterprise price, so after the update only the current version can answer it.
 *   faq-copy.md is a lightly edited copy of faq.md (5-word-shingle Jaccard ≈ 0.9) for near-duplicate detection.
 *   The PDF uses the standard Helvetica font (WinAnsi): keep its text to Latin-1 characters.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const outDir = fileURLToPath(new URL('../examples/sample-kb/', import.meta.url));
const fixedDate = new Date('2026-01-15T09:00:00Z');

type Block = { h: string } | { p: string } | { li: string };

const whitepaper: Block[][] = [
  [
    { h: 'Tallyo Security and Compliance Whitepaper' },
    { p: 'Version 3.2, January 2026. This whitepaper describes how Tallyo B.V. protects customer data: where it is hosted, how it is encrypted, which certifications we hold, how long we keep data and how we respond to incidents.' },
    { h: '1. Infrastructure and hosting' },
    { p: 'Tallyo runs on Amazon Web Services. Customers choose a data region when they create a workspace: the EU region is hosted in AWS eu-central-1 (Frankfurt) and the US region in AWS us-east-2 (Ohio). Customer data, including backups, never leaves the chosen region. The region cannot be changed after the workspace is created.' },
    { p: 'Production systems run in at least two availability zones per region. Databases are replicated synchronously between zones, so the loss of one data centre does not lose committed data.' },
    { h: '2. Encryption' },
    { li: 'Data at rest is encrypted with AES-256, including databases, file storage (receipts, invoice PDFs) and backups.' },
    { li: 'Data in transit is encrypted with TLS 1.2 or higher; TLS 1.0 and 1.1 are disabled. HSTS is enabled on all Tallyo domains.' },
    { li: 'Encryption keys are managed in AWS KMS and rotated every 12 months. Enterprise customers can request a dedicated customer-managed key.' },
  ],
  [
    { h: '3. Certifications and compliance' },
    { li: 'SOC 2 Type II: Tallyo is audited every year by an independent firm. The most recent report covers 1 October 2024 to 30 September 2025 and is available to customers and prospects under NDA.' },
    { li: 'ISO/IEC 27001:2022: Tallyo has been certified since March 2023; the certificate is published on our trust page.' },
    { li: 'GDPR: Tallyo acts as a data processor. A Data Processing Agreement (DPA) with the EU Standard Contractual Clauses is available to every customer, on every plan, at no cost.' },
    { li: 'HIPAA: Tallyo is not HIPAA compliant and does not sign Business Associate Agreements. Do not store protected health information in Tallyo.' },
    { h: '4. Access control' },
    { p: 'Customers: single sign-on with SAML 2.0 is available on the Business and Enterprise plans. SCIM 2.0 user provisioning is available on the Enterprise plan only. Two-factor authentication (TOTP authenticator apps or security keys) is available to every user on every plan, and workspace owners can make it mandatory.' },
    { p: 'Tallyo employees: access to production requires SSO with hardware security keys, is granted per role following least privilege, and is reviewed every quarter. Support staff can only view a workspace after the customer grants time-limited access from Settings > Support.' },
  ],
  [
    { h: '5. Data retention and deletion' },
    { li: 'Workspace data is kept for as long as the subscription is active.' },
    { li: 'After a workspace is cancelled or deleted, its data is retained for 30 days, during which an owner can ask for it to be restored, and is then permanently deleted.' },
    { li: 'Backups are encrypted and retained for 35 days, so deleted data disappears from backups at the latest 35 days after it is deleted.' },
    { li: 'Audit logs are retained for 90 days on the Business plan and 365 days on the Enterprise plan.' },
    { li: 'Application and access logs are retained for 30 days.' },
    { h: '6. Incident response' },
    { p: 'Tallyo maintains a 24/7 on-call rotation and a documented incident response plan that is tested twice a year. If we confirm a security breach affecting customer data, we notify affected customers within 72 hours; Enterprise customers are notified within 24 hours. Status updates are posted on status.tallyo.example.' },
    { h: '7. Testing and vulnerability management' },
    { p: 'An independent firm performs a penetration test of the Tallyo application and infrastructure every year; a summary letter is available under NDA. We also run a public bug bounty programme and scan dependencies for known vulnerabilities on every build. Critical vulnerabilities are patched within 7 days.' },
    { p: 'Questions about security can be sent to security@tallyo.example.' },
  ],
];

async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Tallyo Security and Compliance Whitepaper');
  pdf.setAuthor('Tallyo Security Team');
  pdf.setSubject('Security, compliance, data retention and incident response');
  pdf.setProducer('fathom scripts/make-sample-kb.ts');
  pdf.setCreator('pdf-lib');
  pdf.setCreationDate(fixedDate);
  pdf.setModificationDate(fixedDate);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin] = [595, 842, 56];
  whitepaper.forEach((blocks, index) => {
    const page = pdf.addPage([width, height]);
    let y = height - margin;
    const write = (text: string, font: PDFFont, size: number, indent = 0) => {
      for (const line of wrap(text, font, size, width - 2 * margin - indent)) {
        page.drawText(line, { x: margin + indent, y, size, font, color: rgb(0.1, 0.1, 0.1) });
        y -= size * 1.45;
      }
    };
    for (const block of blocks) {
      if ('h' in block) {
        y -= 6;
        write(block.h, bold, index === 0 && block === blocks[0] ? 18 : 13);
        y -= 2;
      } else if ('p' in block) {
        write(block.p, regular, 10.5);
        y -= 6;
      } else {
        write(`- ${block.li}`, regular, 10.5, 10);
        y -= 3;
      }
    }
    page.drawText(`Tallyo B.V. - Security and Compliance Whitepaper - page ${index + 1} of ${whitepaper.length}`, { x: margin, y: 30, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
  });
  return pdf.save();
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function makeDocx(): Promise<Buffer> {
  const h1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
  const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const li = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  // Only set tableHeader on the header row: mammoth treats any <w:tblHeader> (even val=false) as a header row.
  const row = (cells: string[], header = false) => new TableRow({ children: cells.map(cell), ...(header ? { tableHeader: true } : {}) });
  const doc = new Document({
    creator: 'Tallyo Legal',
    title: 'Refund and Cancellation Policy',
    description: 'How cancellations and refunds work on each Tallyo plan',
    sections: [
      {
        children: [
          h1('Refund and Cancellation Policy'),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Effective 1 January 2025. Applies to all Tallyo subscriptions purchased directly from Tallyo B.V.', italics: true })] }),
          h2('Summary'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              row(['Plan and billing', 'How to cancel', 'Refund'], true),
              row(['Monthly (Team, Business)', 'Any time, in the app', 'No refund for the current month']),
              row(['Annual (Team, Business)', 'Any time, in the app', 'Full refund within 14 days of purchase or renewal']),
              row(['Enterprise (annual contract)', '60 days written notice before renewal', 'Full refund within the first 30 days of the initial term only']),
            ],
          }),
          h2('Monthly plans'),
          p('You can cancel a monthly Team or Business subscription at any time from Settings > Billing. Your workspace keeps its paid features until the end of the current billing month and then moves to the Free plan. We do not refund partial months.'),
          h2('Annual plans'),
          p('Annual Team and Business subscriptions can be cancelled at any time; the cancellation takes effect at the end of the annual term. If you cancel within 14 days of the initial purchase or of an automatic renewal, we refund the full annual fee. After 14 days annual fees are not refundable, but you can reduce your seats or downgrade at the next renewal.'),
          h2('Enterprise plans'),
          p('Enterprise subscriptions are governed by your order form. Unless your order form says otherwise:'),
          li('Enterprise contracts renew automatically for another year unless either party gives written notice at least 60 days before the renewal date.'),
          li('Within the first 30 days of the initial contract term, an Enterprise customer may cancel and receive a full refund of prepaid fees.'),
          li('After the first 30 days, Enterprise fees are non-refundable, with one exception: if Tallyo misses the 99.95% uptime commitment of the SLA in three consecutive months, the customer may terminate the contract and receive a pro-rated refund of prepaid fees for the remaining term.'),
          li('Service credits under the SLA are applied to the next invoice and are not paid out in cash.'),
          h2('Requesting a refund'),
          p('Workspace owners request refunds by emailing billing@tallyo.example from the owner account, stating the workspace name and invoice number. Approved refunds are issued to the original payment method within 10 business days.'),
          h2('Your data after cancellation'),
          p('When a subscription ends, paid workspaces move to the Free plan and keep their data. If you delete the workspace instead, you can export your data for 30 days, after which it is permanently deleted in line with the Security and Compliance Whitepaper.'),
          h2('Chargebacks'),
          p('Please contact billing@tallyo.example before disputing a charge with your bank. Workspaces with an open chargeback are suspended until it is resolved.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

await writeFile(`${outDir}security-whitepaper.pdf`, await makePdf());
await writeFile(`${outDir}refund-and-cancellation-policy.docx`, await makeDocx());
console.log(`wrote security-whitepaper.pdf and refund-and-cancellation-policy.docx to ${outDir}`);
