// The one place the product talks to Chart.js. Java sets `config` (Chart.js JSON built with
// chartjs-java-model), `stacked` and `meta` (what JSON cannot say as Chart.js options: the unit
// tooltips append, per-point tooltip lines, one legend entry per label, the accessible name and
// description) and `marks` (analysts' notes on a label: a numbered flag and a dashed line at it,
// the note in the tooltip and in what the keyboard reads out); the arrow keys walk the points
// and Enter drills down as a click does;
// this element draws, redraws after destroying the old chart, and marks itself data-rendered
// (or data-error) so tests and users know where it stands.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

class NianbaoChart extends HTMLElement {
  constructor() {
    super();
    this._canvas = document.createElement('canvas');
    this._chart = null;
    this._config = null;
    this._stacked = false;
    this._meta = null;
    this._marks = [];
    this._focus = null;
    this._tooltipLine = (ctx) => String(ctx.parsed.y);
    // Read out the point the keyboard moved to; the canvas itself has no text a reader could say.
    this._live = document.createElement('span');
    this._live.setAttribute('aria-live', 'polite');
    this._live.className = 'chart-live';
    this._canvas.addEventListener('keydown', (event) => this._onKey(event));
  }

  connectedCallback() {
    // A property set before this element was defined shadows the accessors; take it over.
    for (const name of ['config', 'stacked', 'meta', 'marks']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this._canvas.isConnected) {
      this.appendChild(this._canvas);
      this.appendChild(this._live);
    }
    this._render();
  }

  disconnectedCallback() {
    this._destroy();
  }

  set config(json) {
    this._config = json;
    this._render();
  }

  get config() {
    return this._config;
  }

  set stacked(value) {
    this._stacked = !!value;
    this._render();
  }

  get stacked() {
    return this._stacked;
  }

  set meta(json) {
    this._meta = json;
    this._render();
  }

  get meta() {
    return this._meta;
  }

  /** JSON [{index, number, text}]: the notes drawn at a label index, numbered as listed under the chart. */
  set marks(json) {
    try {
      this._marks = json ? JSON.parse(json) : [];
    } catch (e) {
      this._marks = [];
    }
    this._render();
  }

  get marks() {
    return JSON.stringify(this._marks);
  }

  _marksAt(index) {
    return this._marks.filter((m) => m.index === index);
  }

  /**
   * Saves the chart as a PNG file named after the chart, on white (a transparent PNG is unreadable
   * on dark viewers), with the given lines (title, scope and years, source) printed above it, so
   * the picture still says what it shows once it is pasted somewhere else.
   */
  downloadPng(name, lines) {
    if (!this._chart) {
      return;
    }
    const heading = Array.isArray(lines) ? lines.filter((line) => line) : [];
    const scale = this._canvas.width / Math.max(1, this._canvas.clientWidth || this._canvas.width);
    const size = Math.round(14 * scale);
    const lineHeight = Math.round(size * 1.5);
    const top = heading.length ? Math.round(lineHeight * heading.length + size) : 0;
    const white = document.createElement('canvas');
    white.width = this._canvas.width;
    white.height = this._canvas.height + top;
    const context = white.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, white.width, white.height);
    context.fillStyle = '#1a1a1a';
    context.textBaseline = 'top';
    heading.forEach((line, i) => {
      context.font = `${i === 0 ? 'bold ' : ''}${i === 0 ? Math.round(size * 1.2) : size}px sans-serif`;
      context.fillText(line, Math.round(size * 0.8), Math.round(size * 0.6) + i * lineHeight, white.width - size * 1.6);
    });
    context.drawImage(this._canvas, 0, top);
    const link = document.createElement('a');
    link.href = white.toDataURL('image/png');
    link.download = `${name}.png`;
    link.click();
  }

  /**
   * The keyboard's way through the chart: Tab reaches the canvas, the arrow keys step from point
   * to point (left/right along a series, up/down between series), the point is shown as on hover
   * and read out through a live region, and Enter drills down as a click would.
   */
  _onKey(event) {
    const chart = this._chart;
    if (!chart) {
      return;
    }
    const steps = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    if (event.key === 'Enter' || event.key === ' ') {
      if (this._focus) {
        event.preventDefault();
        this.dispatchEvent(new CustomEvent('point-click', { detail: { ...this._focus } }));
      }
      return;
    }
    if (event.key === 'Escape') {
      this._focus = null;
      chart.setActiveElements([]);
      chart.tooltip.setActiveElements([], { x: 0, y: 0 });
      chart.update();
      return;
    }
    const step = event.key === 'Home' ? [0, -Infinity] : event.key === 'End' ? [0, Infinity] : steps[event.key];
    if (!step) {
      return;
    }
    event.preventDefault();
    const next = this._nextPoint(this._focus, step[0], step[1]);
    if (next) {
      this._focus = next;
      const active = [{ datasetIndex: next.datasetIndex, index: next.index }];
      const element = chart.getDatasetMeta(next.datasetIndex).data[next.index];
      chart.setActiveElements(active);
      chart.tooltip.setActiveElements(active, { x: element.x, y: element.y });
      chart.update();
      this._live.textContent = this._describe(next);
    }
  }

  /** The visible point with a value nearest to one step away; series without a value there are passed over. */
  _nextPoint(from, seriesStep, pointStep) {
    const chart = this._chart;
    const series = chart.data.datasets
      .map((dataset, i) => i)
      .filter((i) => chart.isDatasetVisible(i) && (chart.data.datasets[i].data || []).some((v) => this._hasValue(v)));
    if (series.length === 0) {
      return null;
    }
    let s = from ? Math.max(0, series.indexOf(from.datasetIndex)) : 0;
    s = Math.min(series.length - 1, Math.max(0, s + seriesStep));
    const data = chart.data.datasets[series[s]].data;
    const filled = data.map((v, i) => i).filter((i) => this._hasValue(data[i]));
    const here = from ? from.index : pointStep > 0 ? -1 : data.length;
    let index;
    if (pointStep === Infinity) {
      index = filled[filled.length - 1];
    } else if (pointStep === -Infinity) {
      index = filled[0];
    } else if (pointStep > 0) {
      index = filled.find((i) => i > here);
    } else if (pointStep < 0) {
      index = [...filled].reverse().find((i) => i < here);
    } else {
      index = filled.reduce((best, i) => (best === undefined || Math.abs(i - here) < Math.abs(best - here) ? i : best), undefined);
    }
    return index === undefined ? from : { datasetIndex: series[s], index };
  }

  _hasValue(v) {
    return v !== null && v !== undefined && !(typeof v === 'object' && (v.y === null || v.y === undefined));
  }

  /** What a screen reader says for a point: its label (year, agency) and the tooltip's line. */
  _describe(point) {
    const chart = this._chart;
    const dataset = chart.data.datasets[point.datasetIndex];
    const raw = dataset.data[point.index];
    const parsed = typeof raw === 'object' ? raw : { y: raw };
    const label = (chart.data.labels || [])[point.index];
    const line = this._tooltipLine({ datasetIndex: point.datasetIndex, dataIndex: point.index, dataset, parsed });
    const notes = this._marksAt(point.index).map((m) => `(${m.number}) ${m.text}`).join(' ');
    const said = label !== undefined ? `${label}: ${line}` : line;
    return notes ? `${said}. ${notes}` : said;
  }

  _destroy() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _render() {
    if (!this.isConnected || !this._config) {
      return;
    }
    this._destroy();
    this._focus = null;
    this.removeAttribute('data-rendered');
    this.removeAttribute('data-error');
    try {
      const config = JSON.parse(this._config);
      config.options = config.options || {};
      config.options.responsive = true;
      config.options.maintainAspectRatio = false;
      config.options.animation = false;
      // A click on a point or bar tells the server which label (year, agency) it was, to drill down.
      config.options.onClick = (event, elements) => {
        if (elements.length > 0) {
          const { index, datasetIndex } = elements[0];
          this.dispatchEvent(new CustomEvent('point-click', { detail: { index, datasetIndex } }));
        }
      };
      this._applyMeta(config, this._meta ? JSON.parse(this._meta) : {});
      if (this._stacked) {
        config.options.scales = config.options.scales || {};
        for (const axis of ['x', 'y']) {
          config.options.scales[axis] = { ...(config.options.scales[axis] || {}), stacked: true };
        }
      }
      config.plugins = [...(config.plugins || []), this._marksPlugin()];
      this._chart = new Chart(this._canvas, config);
      this.setAttribute('data-rendered', 'true');
    } catch (e) {
      this.setAttribute('data-error', String(e && e.message ? e.message : e));
    }
  }
}

// A numbered flag above the plot and a dashed line through it at each label an analyst wrote a
// note on; the flag's number is the note's in the list under the chart.
NianbaoChart.prototype._marksPlugin = function () {
  return {
    id: 'nianbaoMarks',
    afterDatasetsDraw: (chart) => {
      const x = chart.scales.x;
      if (!x || this._marks.length === 0) {
        return;
      }
      const { top, bottom } = chart.chartArea;
      const context = chart.ctx;
      const byIndex = new Map();
      this._marks.forEach((m) => byIndex.set(m.index, [...(byIndex.get(m.index) || []), m.number]));
      context.save();
      byIndex.forEach((numbers, index) => {
        const at = x.getPixelForValue(index);
        if (!Number.isFinite(at)) {
          return;
        }
        context.strokeStyle = '#b45309';
        context.setLineDash([4, 3]);
        context.lineWidth = 1;
        context.beginPath();
        context.moveTo(at, top);
        context.lineTo(at, bottom);
        context.stroke();
        context.setLineDash([]);
        const text = numbers.join(',');
        context.font = 'bold 11px sans-serif';
        const width = context.measureText(text).width + 8;
        context.fillStyle = '#b45309';
        context.fillRect(at - width / 2, top - 2, width, 15);
        context.fillStyle = '#ffffff';
        context.textAlign = 'center';
        context.textBaseline = 'top';
        context.fillText(text, at, top + 1);
      });
      context.restore();
    },
  };
};

// Tooltips say the unit and, where the server named them, which agency a point is; a legend shows
// each label once (a band's lower and upper limit share one); the canvas gets a role, a name and
// the id of the text that describes it.
NianbaoChart.prototype._applyMeta = function (config, meta) {
  const unit = meta.unit || '';
  const pointLabels = meta.pointLabels || {};
  const format = (v) => (typeof v === 'number' ? v.toLocaleString(undefined, { maximumFractionDigits: 1 }) : v);
  config.options.plugins = config.options.plugins || {};
  const tooltip = (config.options.plugins.tooltip = config.options.plugins.tooltip || {});
  this._tooltipLine = (ctx) => {
    const named = pointLabels[ctx.datasetIndex];
    if (named && named[ctx.dataIndex] !== undefined) {
      return named[ctx.dataIndex];
    }
    const value = ctx.parsed && typeof ctx.parsed === 'object' ? ctx.parsed.y : ctx.parsed;
    return `${ctx.dataset.label}: ${format(value)}${unit}`;
  };
  tooltip.callbacks = {
    label: (ctx) => this._tooltipLine(ctx),
    footer: (items) => (items.length ? this._marksAt(items[0].dataIndex).map((m) => `(${m.number}) ${m.text}`) : []),
  };
  // room above the plot for the notes' flags
  if (this._marks.length > 0) {
    const layout = (config.options.layout = config.options.layout || {});
    layout.padding = { ...(layout.padding || {}), top: 16 };
  }
  if (meta.uniqueLegend) {
    const legend = (config.options.plugins.legend = config.options.plugins.legend || {});
    legend.labels = legend.labels || {};
    legend.labels.filter = (item, data) =>
      data.datasets.findIndex((d) => d.label === item.text) === item.datasetIndex;
  }
  this._canvas.setAttribute('role', 'img');
  // a small picture inside something that is itself a link (an overview card) is not a stop for the keyboard
  if (this.hasAttribute('data-static')) {
    this._canvas.removeAttribute('tabindex');
  } else {
    this._canvas.setAttribute('tabindex', '0');
  }
  if (meta.label) {
    this._canvas.setAttribute('aria-label', meta.label);
  }
  if (meta.describedBy) {
    this._canvas.setAttribute('aria-describedby', meta.describedBy);
  }
};

customElements.define('nianbao-chart', NianbaoChart);
