// The one place the product talks to Chart.js. Java sets `config` (Chart.js JSON built with
// chartjs-java-model) and `stacked`; this element draws, redraws after destroying the old chart,
// and marks itself data-rendered (or data-error) so tests and users know where it stands.
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

class NianbaoChart extends HTMLElement {
  constructor() {
    super();
    this._canvas = document.createElement('canvas');
    this._chart = null;
    this._config = null;
    this._stacked = false;
  }

  connectedCallback() {
    // A property set before this element was defined shadows the accessors; take it over.
    for (const name of ['config', 'stacked']) {
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

  /** Saves the chart as a PNG file named after the chart. */
  downloadPng(name) {
    if (!this._chart) {
      return;
    }
    const link = document.createElement('a');
    link.href = this._chart.toBase64Image('image/png', 1);
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

customElements.define('nianbao-chart', NianbaoChart);
