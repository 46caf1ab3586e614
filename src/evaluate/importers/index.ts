/** Importers of public datasets into golden sets (BEIR, SQuAD). */
export { importBeir } from './import-beir.js';
export type { ImportBeirOptions } from './import-beir.js';
export { importSquad } from './import-squad.js';
export type { ImportSquadOptions } from './import-squad.js';
