/** An OpenTelemetry tracer exporting over OTLP/HTTP for `fathom serve` (no global provider is registered). */
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export async function _startTracing({ otlpUrl, serviceName = 'fathom' }: { otlpUrl: string; serviceName?: string }): Promise<{ tracer: Tracer; shutdown: () => Promise<void> }> {
  const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpUrl }))] });
  return { tracer: provider.getTracer(serviceName), shutdown: () => provider.shutdown() };
}
