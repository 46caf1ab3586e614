/** Fine-tuning jobs recorded in the store: start, follow, refresh, cancel, export, artifacts. */
export { saveTuneJob, type SaveTuneJobOptions } from './save-tune-job.js';
export { getTuneJob, requireTuneJob, type GetTuneJobOptions } from './get-tune-job.js';
export { listTuneJobs, type ListTuneJobsOptions } from './list-tune-jobs.js';
export { startTuneJob, type StartTuneJobOptions } from './start-tune-job.js';
export { refreshTuneJob, type RefreshTuneJobOptions } from './refresh-tune-job.js';
export { followTuneJob, type FollowTuneJobOptions } from './follow-tune-job.js';
export { cancelTuneJob, type CancelTuneJobOptions } from './cancel-tune-job.js';
export { addTuneJobArtifact, type AddTuneJobArtifactOptions } from './add-tune-job-artifact.js';
export { exportTrainerJob, type ExportTrainerJobOptions } from './export-trainer-job.js';
