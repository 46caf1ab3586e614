/**
 * A realistic 52-item evaluation of a customer-support assistant over a product knowledge base, with every
 * failure class represented: stale pricing closed by RAG, chunking splits, low ranks, JSON-format failures of
 * the ticket summariser, hallucinated answers to unanswerable questions… Expected classes are in `expected`.
 */
import type { ExpectedSource, FailureClass, GoldenItem } from '../../spec/evaluation.js';
import { buildRun } from './build-run.js';
import type { FixtureItem, ModeOutcome } from './build-run.js';

const ok = (text: string): ModeOutcome => ({ text, correct: true });
const bad = (text: string): ModeOutcome => ({ text, correct: false });
const abstain = (correct = false): ModeOutcome => ({ text: "I don't know based on the provided sources.", correct, abstained: true });
const noise: Array<[string, string]> = [['kb/blog/launch.md', 'kb/blog/launch.md#2'], ['kb/faq.md', 'kb/faq.md#7'], ['kb/changelog.md', 'kb/changelog.md#11']];

function gi(id: string, question: string, answers: string[], sources: ExpectedSource[], tags: string[], extra: Partial<GoldenItem> = {}): GoldenItem {
  return { id, question, answers, sources, answerable: answers.length > 0, tags, ...extra };
}

/** Item id → the classes the diagnosis must find. */
export const expected: Record<string, FailureClass[]> = {};
const items: FixtureItem[] = [];
function add(cls: FailureClass[], f: FixtureItem): void {
  expected[f.item.id] = cls;
  items.push(f);
}

// Knowledge gaps closed by RAG: the model's training data has last year's prices and policies.
const facts: Array<[string, string, string, string]> = [
  ['How much is the Enterprise plan per seat?', '$42 per seat per month', '$35 per seat per month', 'kb/pricing.md'],
  ['What is the refund window for annual plans?', '30 days', '14 days', 'kb/refunds.md'],
  ['Which regions host EU customer data?', 'Frankfurt and Dublin', 'Amsterdam', 'kb/security/data-residency.md'],
  ['How long are nightly backups retained?', '35 days', '7 days', 'kb/security/backups.pdf'],
  ['What is the API rate limit on the Team plan?', '600 requests per minute', '100 requests per minute', 'kb/api/limits.md'],
  ['Does the Starter plan include SSO?', 'No, SSO starts at the Business plan', 'Yes', 'kb/pricing.md'],
  ['What uptime does the Enterprise SLA guarantee?', '99.95%', '99.9%', 'kb/legal/sla.md'],
  ['How many projects can a free workspace have?', '3 projects', '5 projects', 'kb/pricing.md'],
  ['Which payment methods are accepted for invoices?', 'Card, SEPA and wire transfer', 'Card only', 'kb/billing.md'],
  ['What is the maximum attachment size in tickets?', '25 MB', '10 MB', 'kb/support/tickets.md'],
  ['When was audit log export added?', 'Release 4.2 in March', 'It is not available', 'kb/changelog.md'],
  ['How do I rotate an API key?', 'Settings → API → Rotate, old key valid 24 h', 'Delete and recreate it', 'kb/api/keys.md'],
  ['What discount do nonprofits get?', '50% on Business', '20%', 'kb/pricing.md'],
  ['Which SCIM providers are supported?', 'Okta, Entra ID and OneLogin', 'Okta only', 'kb/security/scim.md'],
];
facts.forEach(([q, right, stale, doc], i) => add(['knowledge-gap-closed-by-rag', 'passing'], {
  item: gi(`kg-${i + 1}`, q, [right], [{ documentId: doc }], ['pricing-policy', i % 2 ? 'billing' : 'product']),
  modes: { 'closed-book': bad(stale), rag: ok(`${right} [1].`), oracle: ok(right) },
  retrieved: [[doc, `${doc}#${i % 4}`], ...noise],
}));

// Passing: general questions the model answers anyway (one carries markup to exercise escaping).
const general = ['What does HTTP 429 mean?', 'What is two-factor authentication?', 'What is a webhook?', 'What does CSV stand for?', 'What is an idempotency key?', 'What is OAuth used for?', 'What is a sandbox environment?', 'What does <script>alert("x")</script> do in the "Notes" field?', 'What is a UUID?', 'What is TLS?'];
general.forEach((q, i) => add(['passing'], {
  item: gi(`gen-${i + 1}`, q, ['(reference answer)'], [{ documentId: 'kb/glossary.md' }], ['general']),
  modes: { 'closed-book': ok(i === 7 ? 'It is shown as text: <img src=x onerror=alert(1)> is escaped.' : 'A correct general answer.'), rag: ok('A correct general answer [1].'), oracle: ok('A correct general answer.') },
  retrieved: [['kb/glossary.md', `kb/glossary.md#${i}`], ...noise],
}));

// Retrieval misses, one kind of trace per fix.
const miss = (id: string, q: string, sources: ExpectedSource[], retrieved: FixtureItem['retrieved'], fixTag: string, margin?: number): void => add(['retrieval-miss'], {
  item: gi(id, q, ['the documented answer'], sources, ['retrieval', fixTag]),
  modes: { 'closed-book': bad('A guess.'), rag: bad('The sources do not say; probably 60 days.'), oracle: ok('The documented answer.') },
  retrieved, margin,
});
miss('rm-chunk-1', 'Which exceptions apply to the 30-day refund rule?', [{ documentId: 'kb/refunds.md', start: 900, end: 1300 }], [['kb/refunds.md', 'kb/refunds.md#2', 512, 1024], ['kb/refunds.md', 'kb/refunds.md#3', 1024, 1536], ...noise], 'chunking');
miss('rm-chunk-2', 'What happens to data after account deletion?', [{ documentId: 'kb/privacy.md', start: 2000, end: 2300 }], [['kb/privacy.md', 'kb/privacy.md#4', 2048, 2560], ...noise], 'chunking');
miss('rm-chunk-3', 'Which overage charges apply past the seat limit?', [{ documentId: 'kb/pricing.md', start: 480, end: 700 }], [['kb/pricing.md', 'kb/pricing.md#0', 0, 512], ...noise], 'chunking');
const deep: FixtureItem['retrieved'] = [...noise, ['kb/faq.md', 'kb/faq.md#1'], ['kb/faq.md', 'kb/faq.md#3'], ['kb/blog/q3.md', 'kb/blog/q3.md#0'], ['kb/onboarding.md', 'kb/onboarding.md#2']];
miss('rm-rank-1', 'What is the maximum withdrawal limit for a premium account?', [{ chunkId: 'kb/limits.md#5' }], [...deep, ['kb/limits.md', 'kb/limits.md#5']], 'reranking');
miss('rm-rank-2', 'Can invoices be split across cost centres?', [{ chunkId: 'kb/billing.md#9' }], [...deep, ['kb/onboarding.md', 'kb/onboarding.md#5'], ['kb/billing.md', 'kb/billing.md#9']], 'reranking');
miss('rm-parent-1', 'Which fields does the audit log export contain?', [{ documentId: 'kb/security/audit.md', start: 3000, end: 3200 }], [['kb/security/audit.md', 'kb/security/audit.md#0', 0, 400], ...noise], 'parent-child');
miss('rm-context-1', 'What is the limit in the second table?', [{ documentId: 'kb/api/limits.md' }], [['kb/api/quotas.md', 'kb/api/quotas.md#1'], ['kb/api/usage.md', 'kb/api/usage.md#3'], ...noise], 'contextual-retrieval', 0.01);
miss('rm-recall-1', 'Is there an on-call phone line for P1 incidents?', [{ documentId: 'kb/support/escalation.md' }], noise, 'hybrid-search');
miss('rm-recall-2', 'What does error E1042 mean?', [{ documentId: 'kb/api/errors.md' }], noise, 'hybrid-search');

// Grounding failures: the source was shown, the answer is still wrong or unsupported.
['Which plan includes the audit log?', 'How many admins can a Team workspace have?'].forEach((q, i) => add(['grounding-failure'], {
  item: gi(`gr-${i + 1}`, q, ['Enterprise'], [{ documentId: 'kb/pricing.md' }], ['grounding']),
  modes: { 'closed-book': bad('Business.'), rag: bad('Business and Enterprise [1].'), oracle: ok('Enterprise.') },
  retrieved: [['kb/pricing.md', 'kb/pricing.md#1'], ...noise],
}));
add(['grounding-failure'], {
  item: gi('gr-3', 'Is phone support included on Business?', ['Yes, during business hours'], [{ documentId: 'kb/support/plans.md' }], ['grounding']),
  modes: { 'closed-book': ok('Yes, during business hours.'), rag: { text: 'Yes, 24/7 with a 15-minute response [1].', correct: true, metrics: { faithfulness: 0.2 } }, oracle: ok('Yes, during business hours.') },
  retrieved: [['kb/support/plans.md', 'kb/support/plans.md#0'], ...noise],
});

// Behaviour gaps: wrong even with the perfect prompt (reasoning over the given policy).
['Is a customer who upgraded mid-cycle owed a prorated credit?', 'Does a downgrade take effect immediately?', 'Which tier applies to 101 seats?', 'Can a trial be extended twice?'].forEach((q, i) => add(['behaviour-gap'], {
  item: gi(`bg-${i + 1}`, q, ['the policy answer'], [{ documentId: 'kb/billing.md' }], ['reasoning']),
  modes: { 'closed-book': bad('It depends on your jurisdiction.'), rag: bad('It may depend on your contract [1].'), oracle: bad('This may depend on your jurisdiction.') },
  retrieved: [['kb/billing.md', 'kb/billing.md#3'], ...noise],
}));

// Format failures: the ticket summariser writes prose instead of the required JSON, even with the oracle.
const schema = { type: 'object', required: ['category', 'priority', 'summary'], properties: { category: { type: 'string' }, priority: { enum: ['P1', 'P2', 'P3'] }, summary: { type: 'string' } } };
for (let i = 1; i <= 4; i++) add(['format-failure'], {
  item: gi(`fmt-${i}`, `Summarise ticket #${4810 + i} as JSON.`, ['{"category":"billing","priority":"P2"}'], [{ documentId: `kb/tickets/${4810 + i}.md` }], ['summariser', 'format'], { outputSchema: schema }),
  modes: {
    'closed-book': { text: 'The customer reports a billing issue with their last invoice and would like it resolved soon.', correct: true, metrics: { formatConsistency: 0 } },
    rag: { text: 'This ticket concerns a billing problem (priority: medium) [1].', correct: true, metrics: { formatConsistency: 0 } },
    oracle: { text: 'Summary: billing issue, medium priority, customer wants a corrected invoice.', correct: true, metrics: { formatConsistency: 0 } },
  },
  retrieved: [[`kb/tickets/${4810 + i}.md`, `kb/tickets/${4810 + i}.md#0`], ...noise],
});

// Constraint failures: the 90-day forecast rule and the 60-word limit.
['Will the Pro price go up next year?', 'Summarise the roadmap in under 60 words.'].forEach((q, i) => add(['constraint-failure'], {
  item: gi(`con-${i + 1}`, q, ['(policy-compliant answer)'], [{ documentId: 'kb/roadmap.md' }], ['constraints'], { constraints: [{ type: 'forbidden-phrases', phrases: ['will increase'] }, { type: 'max-length', words: 60 }] }),
  modes: {
    'closed-book': { text: 'Prices will increase by 10% next year.', correct: true, metrics: { constraintAdherence: 0.5 } },
    rag: { text: 'Prices will increase next year according to the roadmap [1].', correct: true, metrics: { constraintAdherence: 0.5 } },
    oracle: { text: 'Prices will increase next year.', correct: true, metrics: { constraintAdherence: 0.5 } },
  },
  retrieved: [['kb/roadmap.md', 'kb/roadmap.md#0'], ...noise],
}));

// Over-abstention: the answer was in the prompt, the model declined.
['What is the data retention period for deleted projects?', 'Who can approve a refund above $5,000?'].forEach((q, i) => add(['over-abstention'], {
  item: gi(`oa-${i + 1}`, q, ['the documented answer'], [{ documentId: 'kb/refunds.md' }], ['abstention']),
  modes: { 'closed-book': bad('90 days.'), rag: abstain(), oracle: ok('The documented answer.') },
  retrieved: [['kb/refunds.md', 'kb/refunds.md#1'], ...noise],
}));

// Unanswerable: two abstain (right), two invent an answer.
['What is the CEO’s home address?', 'What will the price be in 2031?', 'Which competitor acquired us last week?', 'What is the Mars data-centre latency?'].forEach((q, i) => add(i < 2 ? ['passing'] : ['hallucination-on-unanswerable'], {
  item: gi(`un-${i + 1}`, q, [], [], ['unanswerable']),
  modes: { 'closed-book': i < 2 ? abstain(true) : bad('About 12 ms.'), rag: i < 2 ? abstain(true) : bad('Roughly 12 ms according to the status page [1].'), oracle: abstain(true) },
  retrieved: noise,
}));

/** The 52-item support run. */
export const supportRun = buildRun({ id: 'eval-20250602-support', items });
export const supportItems = items;
