import type * as vl from 'vega-lite';
import type { Chart } from './document';

export const TARGET_STATES = ['met target', 'below target', 'no figure to compare'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export interface AreaOffers {
  serviceArea: string;
  state: TargetState;
  count: number;
}

/** Green, red and grey: the reading people expect of met, missed and unknown. */
const COLOURS = ['#2e7d32', '#c62828', '#9e9e9e'];
const FONT = 'DejaVu Sans';
/** Drawn at twice the size it is shown, so it stays sharp in print and on high-DPI screens. */
const SCALE = 2;

/**
 * Each service area's local offers against their targets, as one stacked bar per area: how many
 * met their target, how many fell below, and how many have no figure in the target's unit. The
 * offers' targets are in different units (percent, hours, days), so a count of met and missed is
 * what can be put side by side; the figures themselves are in the table beside it.
 */
export async function offersAgainstTargetChart(
  data: readonly AreaOffers[],
  title: string,
): Promise<Chart> {
  const areas = [...new Set(data.map((d) => d.serviceArea))];
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: title, font: FONT, fontSize: 14 },
    width: 440,
    height: Math.max(60, areas.length * 26),
    background: 'white',
    config: { font: FONT, axis: { labelFont: FONT, titleFont: FONT }, legend: { labelFont: FONT } },
    data: { values: data.map((d) => ({ ...d })) },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'serviceArea',
        type: 'nominal',
        title: null,
        sort: areas,
        axis: { labelLimit: 200 },
      },
      x: {
        field: 'count',
        type: 'quantitative',
        aggregate: 'sum',
        title: 'Local offers',
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: {
        field: 'state',
        type: 'nominal',
        title: null,
        scale: { domain: [...TARGET_STATES], range: COLOURS },
        legend: { orient: 'bottom', labelLimit: 0 },
      },
      order: { field: 'order', type: 'quantitative' },
    },
    transform: [
      {
        calculate: `indexof(${JSON.stringify(TARGET_STATES)}, datum.state)`,
        as: 'order',
      },
    ],
  };
  // Loaded with the first chart: an idle bot carries none of vega or the SVG renderer.
  const [vega, vegaLite, { Resvg }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('@resvg/resvg-js'),
  ]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const rendered = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: SCALE },
      font: { loadSystemFonts: true, defaultFontFamily: FONT },
    }).render();
    const counts = areas.map((area) => {
      const of = (state: TargetState) =>
        data
          .filter((d) => d.serviceArea === area && d.state === state)
          .reduce((n, d) => n + d.count, 0);
      return `${area}: ${of('met target')} met, ${of('below target')} below, ${of('no figure to compare')} without a figure`;
    });
    return {
      png: rendered.asPng(),
      width: rendered.width / SCALE,
      height: rendered.height / SCALE,
      alt: `${title}. ${counts.join('; ')}.`,
    };
  } finally {
    view.finalize();
  }
}
