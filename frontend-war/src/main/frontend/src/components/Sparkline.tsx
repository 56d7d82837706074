/** A small line chart of the newest values (an SVG path), with the latest value as its accessible name. */
export function Sparkline({ values, label, unit, color = '#4f46e5', id }: { values: number[]; label: string; unit: string; color?: string; id?: string }) {
  const w = 160;
  const h = 40;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - (v / max) * (h - 4) - 2).toFixed(1)}`).join(' ');
  const latest = values.length ? values[values.length - 1] : undefined;
  return (
    <figure className="flex flex-col gap-1" id={id}>
      <figcaption className="text-xs text-slate-600">
        {label}: <strong className="value text-slate-900">{latest === undefined ? '–' : latest.toFixed(1)}</strong> {unit}
      </figcaption>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}, last ${values.length} samples, now ${latest?.toFixed(1) ?? 'unknown'} ${unit}`} className="rounded bg-slate-50">
        {values.length > 1 && <polyline fill="none" stroke={color} strokeWidth="1.5" points={points} />}
      </svg>
    </figure>
  );
}
