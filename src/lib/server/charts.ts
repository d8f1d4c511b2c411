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
