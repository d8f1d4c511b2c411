// Charts rendered on the server as SVG (ECharts in SSR mode): no JavaScript needed to see them, and
// every chart is shown beside a table with the same numbers for screen readers and printing.
import * as echarts from 'echarts';

export interface BarSeries {
	name: string;
	values: number[];
}

/** Horizontal grouped bars, one row per label (values in per cent). ECharts escapes the text. */
export function barChartSvg(title: string, labels: readonly string[], series: readonly BarSeries[]): string {
	const height = 60 + labels.length * 18 * Math.max(1, series.length);
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height });
	try {
		chart.setOption({
			animation: false,
			aria: { enabled: true, label: { description: title } },
			legend: { top: 0 },
			grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
			xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
			yAxis: { type: 'category', data: [...labels], inverse: true, axisLabel: { width: 200, overflow: 'truncate' } },
			series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'right', formatter: '{c} %' } }))
		});
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/**
 * A heat map: one row per y label, one column per x label, the count written in each cell (so that
 * the colour is never the only carrier of the number). Empty cells stay white.
 */
export function heatmapSvg(title: string, xLabels: readonly string[], yLabels: readonly string[], values: readonly (readonly number[])[]): string {
	const max = Math.max(1, ...values.flat());
	const width = 260 + xLabels.length * 90;
	const height = 90 + yLabels.length * 22;
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({
			animation: false,
			aria: { enabled: true, label: { description: title } },
			grid: { left: 8, right: 8, top: 8, bottom: 60, containLabel: true },
			xAxis: { type: 'category', data: [...xLabels], position: 'bottom', axisLabel: { interval: 0, width: 84, overflow: 'break', fontSize: 10 } },
			yAxis: { type: 'category', data: [...yLabels], inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
			visualMap: { min: 0, max, show: false, inRange: { color: ['#ffffff', '#1f5fa6'] } },
			series: [
				{
					type: 'heatmap',
					data: values.flatMap((row, y) => row.map((v, x) => [x, y, v])),
					label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : '') },
					itemStyle: { borderColor: '#d0d7de', borderWidth: 1 }
				}
			]
		});
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
