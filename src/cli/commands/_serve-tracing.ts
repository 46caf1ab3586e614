/**
 * An OpenTelemetry tracer exporting over OTLP/HTTP for `fathom serve` (no global provider is registered).
 * The SDK and exporter are optional peer dependencies (about 25 MB): loaded only when `server.tracing.otlpUrl`
 * is set.
 */
import type { Tracer } from '@opentelemetry/api';
import { FathomError } from '../../util/errors.js';

const INSTALL = 'npm install @opentelemetry/sdk-trace-base@2.12.1 @opentelemetry/exporter-trace-otlp-http@0.223.1';

export async function _startTracing({ otlpUrl, serviceName = 'fathom' }: { otlpUrl: string; serviceName?: string }): Promise<{ tracer: Tracer; shutdown: () => Promise<void> }> {
  const [sdk, otlp] = await Promise.all([import('@opentelemetry/sdk-trace-base'), import('@opentelemetry/exporter-trace-otlp-http')]).catch((cause: unknown) => {
    throw new FathomError({ code: 'DEPENDENCY_MISSING', message: `Exporting traces to ${otlpUrl} needs the OpenTelemetry SDK: run \`${INSTALL}\`, or remove server.tracing.otlpUrl from the config.`, cause });
  });
  const provider = new sdk.BasicTracerProvider({ spanProcessors: [new sdk.BatchSpanProcessor(new otlp.OTLPTraceExporter({ url: otlpUrl }))] });
  return { tracer: provider.getTracer(serviceName), shutdown: () => provider.shutdown() };
}
