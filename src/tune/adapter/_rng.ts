export { mulberry32 as _rng, shuffle as _shuffle } from '../../util/math/random.js';
