export { createHttpReranker, type HttpRerankerOptions } from './reranker.js';
