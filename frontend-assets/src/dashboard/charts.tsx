// Two tiny SVG charts (no chart library, nothing fetched at run time). Colours come from dashboard.css
// through class names; the viewBox scales with the card, so the charts work on a phone too.

const W = 480;
const H = 180;
const PAD = { left: 36, right: 8, top: 12, bottom: 24 };

function hourLabel(ms: number): string {
  return new Date(ms).toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
}

function NoData({ show }: { show: boolean }) {
  return show ? (
    <text className="chart-empty" x={(W + PAD.left) / 2} y={H / 2} textAnchor="middle">
      No data in the last 24 h
    </text>
  ) : null;
}

function niceMax(v: number): number {
  if (v <= 4) return 4;
  const pow = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / pow) * pow;
}

interface Axis {
  starts: number[];
}

function XLabels({ starts }: Axis) {
  const step = (W - PAD.left - PAD.right) / starts.length;
  return (
    <g className="chart-axis">
      {starts.map((s, i) =>
        i % 6 === 0 || i === starts.length - 1 ? (
          <text key={s} x={PAD.left + step * (i + 0.5)} y={H - 6} textAnchor="middle">
            {hourLabel(s)}
          </text>
        ) : null,
      )}
    </g>
  );
}

export function BarChart({ starts, values, label, testId }: { starts: number[]; values: number[]; label: string; testId: string }) {
  const max = niceMax(Math.max(0, ...values));
  const innerH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, values.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid={testId}>
      {[0, 0.5, 1].map((f) => (
        <g key={f} className="chart-grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(max * f)} y2={y(max * f)} />
          <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end">
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {values.map((v, i) => (
        <rect
          key={starts[i]}
          className="chart-bar"
          x={PAD.left + step * i + step * 0.15}
          width={step * 0.7}
          y={y(v)}
          height={Math.max(0, PAD.top + innerH - y(v))}
        >
          <title>{`${hourLabel(starts[i])}: ${v}`}</title>
        </rect>
      ))}
      <XLabels starts={starts} />
      <NoData show={values.every((v) => v === 0)} />
    </svg>
  );
}

/** Line of shares 0..1; null values leave a gap. */
export function RateChart({ starts, rates, label }: { starts: number[]; rates: (number | null)[]; label: string }) {
  const innerH = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left - PAD.right) / Math.max(1, rates.length);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (r: number) => PAD.top + innerH - r * innerH;
  const segments: string[] = [];
  let current = '';
  rates.forEach((r, i) => {
    if (r === null) {
      if (current) segments.push(current);
      current = '';
    } else {
      current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(r).toFixed(1)}`;
    }
  });
  if (current) segments.push(current);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="chart-out-of-scope">
      {[0, 0.5, 1].map((f) => (
        <g key={f} className="chart-grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(f)} y2={y(f)} />
          <text x={PAD.left - 6} y={y(f) + 4} textAnchor="end">
            {`${f * 100}%`}
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} className="chart-line" d={d} />
      ))}
      {rates.map((r, i) =>
        r === null ? null : (
          <circle key={starts[i]} className="chart-dot" cx={x(i)} cy={y(r)} r={3}>
            <title>{`${hourLabel(starts[i])}: ${(r * 100).toFixed(0)} %`}</title>
          </circle>
        ),
      )}
      <XLabels starts={starts} />
      <NoData show={rates.every((r) => r === null)} />
    </svg>
  );
}
