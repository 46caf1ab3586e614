export { mulberry32 as _rng, shuffle as _shuffle } from '../../util/random.js';
