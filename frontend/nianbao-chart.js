// The one place the product talks to Chart.js. Java sets `config` (Chart.js JSON built with
// chartjs-java-model), `stacked` and `meta` (what JSON cannot say as Chart.js options: the unit
// tooltips append, per-point tooltip lines, one legend entry per label, the accessible name);
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
  }

  connectedCallback() {
    // A property set before this element was defined shadows the accessors; take it over.
    for (const name of ['config', 'stacked', 'meta']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    if (!this._canvas.isConnected) {
      this.appendChild(this._canvas);
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

  /** Saves the chart as a PNG file named after the chart, on white (a transparent PNG is unreadable on dark viewers). */
  downloadPng(name) {
    if (!this._chart) {
      return;
    }
    const white = document.createElement('canvas');
    white.width = this._canvas.width;
    white.height = this._canvas.height;
    const context = white.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, white.width, white.height);
    context.drawImage(this._canvas, 0, 0);
    const link = document.createElement('a');
    link.href = white.toDataURL('image/png');
    link.download = `${name}.png`;
    link.click();
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
      this._chart = new Chart(this._canvas, config);
      this.setAttribute('data-rendered', 'true');
    } catch (e) {
      this.setAttribute('data-error', String(e && e.message ? e.message : e));
    }
  }
}

// Tooltips say the unit and, where the server named them, which agency a point is; a legend shows
// each label once (a band's lower and upper limit share one); the canvas gets a role and a name.
NianbaoChart.prototype._applyMeta = function (config, meta) {
  const unit = meta.unit || '';
  const pointLabels = meta.pointLabels || {};
  const format = (v) => (typeof v === 'number' ? v.toLocaleString(undefined, { maximumFractionDigits: 1 }) : v);
  config.options.plugins = config.options.plugins || {};
  const tooltip = (config.options.plugins.tooltip = config.options.plugins.tooltip || {});
  tooltip.callbacks = {
    label: (ctx) => {
      const named = pointLabels[ctx.datasetIndex];
      if (named && named[ctx.dataIndex] !== undefined) {
        return named[ctx.dataIndex];
      }
      const value = ctx.parsed && typeof ctx.parsed === 'object' ? ctx.parsed.y : ctx.parsed;
      return `${ctx.dataset.label}: ${format(value)}${unit}`;
    },
  };
  if (meta.uniqueLegend) {
    const legend = (config.options.plugins.legend = config.options.plugins.legend || {});
    legend.labels = legend.labels || {};
    legend.labels.filter = (item, data) =>
      data.datasets.findIndex((d) => d.label === item.text) === item.datasetIndex;
  }
  this._canvas.setAttribute('role', 'img');
  if (meta.label) {
    this._canvas.setAttribute('aria-label', meta.label);
  }
};

customElements.define('nianbao-chart', NianbaoChart);
