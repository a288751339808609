// Click-to-zoom for the icicle charts of `coldstart report --format html` (one per report; `coldstart profile`
// pages have one per function). A chart is complete without this script; every bar carries its full-scale layout
// in data-* attributes, and zooming rescales what is drawn.
(() => {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  let active = null; // the chart Esc zooms out: the one last clicked

  // Each chart follows its own breadcrumb bar; the first keeps its zoom in the address as #icicle=…, the n-th as #icicle-n=….
  document.querySelectorAll('svg.icicle').forEach((svg, n) => {
    const crumbs = svg.previousElementSibling;
    if (crumbs && crumbs.matches('nav.crumbs')) {
      attach(svg, crumbs, n === 0 ? 'icicle' : `icicle-${n + 1}`);
    }
  });

  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && active) {
      active.out();
    }
  });

  for (const hint of document.querySelectorAll('[data-zoom-hint]')) {
    hint.hidden = false;
  }

  function attach(svg, crumbs, key) {
    const setting = name => Number(svg.dataset[name]);
    const width = svg.viewBox.baseVal.width;
    const rowHeight = setting('rowHeight');
    const axisHeight = setting('axisHeight');
    const maxRows = setting('maxRows');
    const minWidth = setting('minWidth');
    const minLabelWidth = setting('minLabelWidth');
    const charWidth = setting('charWidth');
    const msPerUnit = setting('msPerUnit');
    const axis = svg.querySelector('g.axis');
    const boundary = svg.querySelector('g.boundary');
    const bars = Array.from(svg.querySelectorAll('g.node'), g => ({
      g,
      index: Number(g.dataset.i),
      parent: Number(g.dataset.p),
      last: Number(g.dataset.e),
      depth: Number(g.dataset.d),
      x: Number(g.dataset.x),
      w: Number(g.dataset.w),
      name: g.dataset.name,
      children: [],
      rects: g.querySelectorAll('rect'),
      text: g.querySelector('text'),
    }));
    const whole = { index: -1, parent: -1, last: bars.length - 1, depth: 0, x: 0, w: width, name: 'All imports', children: [] };
    for (const bar of bars) {
      (bar.parent >= 0 ? bars[bar.parent] : whole).children.push(bar);
    }

    let focus = whole;

    const round = value => Math.round(value * 100) / 100;
    const up = bar => (bar.parent >= 0 ? bars[bar.parent] : whole);

    // The same rule as the static chart: cut with an ellipsis to fit, nothing when too narrow.
    function label(name, w) {
      if (w < minLabelWidth) {
        return '';
      }

      const maxChars = Math.floor((w - 8) / charWidth);
      return name.length <= maxChars ? name : name.slice(0, Math.max(1, maxChars - 1)) + '\u2026';
    }

    function element(name, attributes, text) {
      const node = document.createElementNS(SVG, name);
      for (const [key, value] of Object.entries(attributes)) {
        node.setAttribute(key, String(value));
      }

      if (text !== undefined) {
        node.textContent = text;
      }

      return node;
    }

    // The same scale as the static chart: ticks every 1, 2 or 5 x 10^k ms, about eight of them.
    function drawAxis(totalMs) {
      const raw = totalMs / 8;
      const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      const step = [1, 2, 5, 10].map(f => f * magnitude).find(s => s >= raw);
      const parts = [element('line', { class: 'axis', x1: 0, y1: axisHeight - 4, x2: width, y2: axisHeight - 4 })];
      for (let t = 0; t <= totalMs + step / 1000; t += step) {
        const x = round((t / totalMs) * width);
        const anchor = x < 20 ? 'start' : x > width - 40 ? 'end' : 'middle';
        parts.push(element('line', { class: 'axis', x1: x, y1: axisHeight - 8, x2: x, y2: axisHeight - 4 }));
        const ms = t.toLocaleString('en-US', { maximumFractionDigits: 10 });
        parts.push(element('text', { class: 'axis', x, y: axisHeight - 11, 'text-anchor': anchor }, `${ms} ms`));
      }

      axis.replaceChildren(...parts);
    }

    // Whole > ancestors > focus; a long chain keeps its two outermost and eight innermost steps.
    function drawCrumbs() {
      const chain = [];
      for (let bar = focus; bar !== whole; bar = up(bar)) {
        chain.unshift(bar);
      }

      chain.unshift(whole);
      const shown = chain.length > 12 ? [...chain.slice(0, 3), null, ...chain.slice(-8)] : chain;
      crumbs.replaceChildren();
      shown.forEach((bar, n) => {
        if (n > 0) {
          crumbs.append(Object.assign(document.createElement('span'), { className: 'sep', textContent: '\u203a' }));
        }

        if (bar === null) {
          crumbs.append(Object.assign(document.createElement('span'), { className: 'sep', textContent: '\u2026' }));
          return;
        }

        const button = Object.assign(document.createElement('button'), { type: 'button', textContent: bar.name });
        if (bar === focus) {
          button.setAttribute('aria-current', 'true');
        }

        button.addEventListener('click', () => zoom(bar));
        crumbs.append(button);
      });
    }

    // The zoom is kept in the address as #icicle=name/name/…, so a link or a reload opens the same view.
    function pathOf(bar) {
      const names = [];
      for (let b = bar; b !== whole; b = up(b)) {
        names.unshift(encodeURIComponent(b.name));
      }

      return names.join('/');
    }

    function find(path) {
      let bar = whole;
      try {
        for (const name of path.split('/').map(decodeURIComponent)) {
          bar = bar.children.find(child => child.name === name);
          if (!bar) {
            return whole;
          }
        }
      } catch {
        return whole; // a malformed address: show everything
      }

      return bar;
    }

    function zoom(target) {
      focus = target;
      const k = width / target.w;
      let rows = 1;
      for (const bar of bars) {
        const row = bar.depth - target.depth;
        const w = bar.w * k;
        const shown = bar.index >= target.index && bar.index <= target.last && row >= 0 && row < maxRows && w >= minWidth;
        bar.g.classList.toggle('off', !shown);
        if (!shown) {
          continue;
        }

        rows = Math.max(rows, row + 1);
        const x = round((bar.x - target.x) * k);
        const y = row * rowHeight;
        for (const rect of bar.rects) {
          rect.setAttribute('x', x);
          rect.setAttribute('y', y);
          rect.setAttribute('width', round(Math.max(0.5, w - 1)));
        }

        bar.text.setAttribute('x', round(x + 4));
        bar.text.setAttribute('y', y + rowHeight / 2 + 3);
        bar.text.textContent = label(bar.name, w);
      }

      svg.setAttribute('viewBox', `0 0 ${width} ${axisHeight + rows * rowHeight}`);
      drawAxis(target.w * msPerUnit);
      if (boundary) {
        boundary.classList.toggle('off', target !== whole);
      }

      drawCrumbs();
      try {
        const here = location.pathname + location.search;
        const others = location.hash.slice(1).split('&').filter(part => part && !part.startsWith(`${key}=`));
        const parts = target === whole ? others : [...others, `${key}=${pathOf(target)}`];
        history.replaceState(null, '', parts.length === 0 ? here : `${here}#${parts.join('&')}`);
      } catch {
        // Some browsers refuse history changes on file: pages; the zoom itself does not need them.
      }
    }

    const chart = {
      out() {
        if (focus !== whole) {
          zoom(up(focus));
        }
      },
    };

    svg.addEventListener('click', event => {
      active = chart;
      const g = event.target.closest('g.node');
      if (g) {
        const bar = bars[Number(g.dataset.i)];
        zoom(bar === focus ? up(bar) : bar);
      }
    });
    crumbs.addEventListener('click', () => {
      active = chart;
    });

    svg.classList.add('zoomable');
    crumbs.hidden = false;
    const marker = `#${key}=`;
    const saved = location.hash.split('&').find(part => part.startsWith(marker) || part.startsWith(marker.slice(1)));
    if (saved) {
      active = chart;
    }

    zoom(saved ? find(saved.slice(saved.indexOf('=') + 1)) : whole);
  }
})();
