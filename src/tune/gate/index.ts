/** Post-training gates: base vs tuned on the golden and regression sets, with bootstrap intervals. */
export { gateTunedModel, type GateTunedModelOptions, type TuneGateCheck, type TuneGateReport, type TuneGateThresholds } from './gate-tuned-model.js';
export type { GateEvaluation, GatePipeline } from './_gate-evaluation.js';
