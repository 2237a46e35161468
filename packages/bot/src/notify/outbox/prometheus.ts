/** One sample of a metric family: its labels and value (`suffix` for `_sum`/`_count`). */
export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
  suffix?: string;
}

/** A metric family in Prometheus' text exposition format. */
export interface MetricFamily {
  name: string;
  help: string;
  type: "counter" | "gauge" | "summary";
  samples: MetricSample[];
}

const escapeHelp = (text: string) => text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
const escapeLabel = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

/** Renders families as Prometheus text format 0.0.4 (`# HELP`, `# TYPE`, then samples). */
export function renderPrometheus(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const sample of family.samples) {
      const labels = Object.entries(sample.labels ?? {});
      const rendered =
        labels.length === 0
          ? ""
          : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}`;
      lines.push(`${family.name}${sample.suffix ?? ""}${rendered} ${formatValue(sample.value)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
