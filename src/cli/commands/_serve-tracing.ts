/**
 * An OpenTelemetry tracer exporting over OTLP/HTTP for `fathom serve` (no global provider is registered).
 * The SDK and exporter are optional peer dependencies (about 25 MB): loaded only when `server.tracing.otlpUrl`
 * is set.
 */
import type { Tracer } from '@opentelemetry/api';
import { importOptional } from '../../util/import-optional.js';

export async function _startTracing({ otlpUrl, serviceName = 'fathom' }: { otlpUrl: string; serviceName?: string }): Promise<{ tracer: Tracer; shutdown: () => Promise<void> }> {
  const [sdk, otlp] = await importOptional(() => Promise.all([import('@opentelemetry/sdk-trace-base'), import('@opentelemetry/exporter-trace-otlp-http')]), {
    need: `Exporting traces to ${otlpUrl} needs the OpenTelemetry SDK`,
    packages: ['@opentelemetry/sdk-trace-base@2.12.1', '@opentelemetry/exporter-trace-otlp-http@0.223.1'],
    instead: 'remove server.tracing.otlpUrl from the config',
  });
  const provider = new sdk.BasicTracerProvider({ spanProcessors: [new sdk.BatchSpanProcessor(new otlp.OTLPTraceExporter({ url: otlpUrl }))] });
  return { tracer: provider.getTracer(serviceName), shutdown: () => provider.shutdown() };
}
