/**
 * A thin React wrapper over ECharts, registering only the charts and components the dashboard
 * draws. Only the lazily loaded dashboard imports it, so ECharts stays out of the main bundle.
 */
import { BarChart, type BarSeriesOption, PieChart, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The option shape these registrations support. */
export type EChartOption = echarts.ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click reports: the data index for series items, the label for axis labels. */
export interface EChartClick {
  componentType: string;
  dataIndex?: number;
  value?: unknown;
  name?: string;
}

/** Party red first, then warm and neutral tones that stay apart on a projector. */
export const CHART_COLORS = ['#c8161d', '#f0883e', '#d4a017', '#5b8ff9', '#5ad8a6', '#9270ca', '#6dc8ec', '#ff9d4d', '#269a99', '#ff99c3'];

/** Renders `option` and resizes with its container; `onClick` receives series and axis-label clicks. */
export function EChart({
  option,
  height = 300,
  onClick,
  testId,
}: {
  option: EChartOption;
  height?: number;
  onClick?: (e: EChartClick) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params as EChartClick));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ color: CHART_COLORS, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
