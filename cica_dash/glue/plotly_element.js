// One plotly chart that is drawn once and then updated in place (Plotly.react) when its figure
// changes; Streamlit's own plotly element mounts a new chart instead (cica_dash/glue/chart.py).

function loadPlotly(src) {
  // one <script> per page, shared by every chart: plotly.js from the app's own static folder;
  // a failed load is forgotten, so that the next draw tries again
  window.__cicaPlotly ??= new Promise((resolve, reject) => {
    if (window.Plotly) return resolve(window.Plotly);
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error("plotly.js did not load")));
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    document.head.appendChild(script);
  }).catch((err) => {
    window.__cicaPlotly = undefined;
    throw err;
  });
  return window.__cicaPlotly;
}

function faded(colour, alpha) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})` : colour;
}

function themed(layout, root) {
  // the page's theme (light or dark) under the figure's own settings: text, font, background, grid
  const css = getComputedStyle(root);
  const get = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  const text = get("--st-text-color", "#141414");
  const background = get("--st-background-color", "#FFFFFF");
  const grid = get("--st-border-color-light", "rgba(20, 20, 20, 0.1)");
  const font = get("--st-font", "sans-serif");
  const soft = faded(text, 0.7);
  const template = (layout.template ??= {});
  const t = (template.layout ??= {});
  t.font = { ...t.font, family: font, color: text };
  t.paper_bgcolor = background;
  t.plot_bgcolor = background;
  for (const axis of ["xaxis", "yaxis"]) {
    t[axis] = { ...t[axis], gridcolor: grid, linecolor: grid, zerolinecolor: grid, tickcolor: grid, tickfont: { color: soft }, title: { font: { color: soft } } };
  }
  t.geo = { ...t.geo, bgcolor: background };
  t.hoverlabel = { ...t.hoverlabel, font: { family: font } };
  return layout;
}

function clicked(points) {
  // what a page may need of a clicked mark, and nothing that cannot be sent as JSON
  return points.map((p) => ({
    curve_number: p.curveNumber,
    point_number: p.pointNumber,
    location: p.location ?? null,
    customdata: p.customdata ?? null,
    x: p.x ?? null,
    y: p.y ?? null,
  }));
}

function heightFor(layout, width) {
  // a figure that asks for it (layout.meta.cica_height, the maps) is as tall as its width needs
  const rule = layout.meta?.cica_height;
  if (!rule || !width) return layout.height;
  return Math.max(rule.min ?? 0, Math.round(rule.plus + rule.per_width * width));
}

function narrowed(layout, width) {
  // a figure may carry a layout for narrow screens (layout.meta.cica_narrow: below a width,
  // set these dotted keys and add this much height), such as a matrix whose column headers
  // turn upright on a phone
  const rule = layout.meta?.cica_narrow;
  if (!rule || !width || width >= rule.below) return layout;
  for (const [path, value] of Object.entries(rule.set ?? {})) {
    const keys = path.split(".");
    let node = layout;
    for (const key of keys.slice(0, -1)) node = node[key] ??= {};
    node[keys.at(-1)] = value;
  }
  layout.height = (layout.height ?? 450) + (rule.add_height ?? 0);
  return layout;
}

const TITLE_LINE_PX = 21;
const LAZY_MARGIN_PX = 400; // a far chart is drawn when it comes this close to the window
const LAZY_SETTLE_MS = 400; // ... and stays there this long

function textWidth(text, font) {
  const canvas = (textWidth.canvas ??= document.createElement("canvas"));
  const context = canvas.getContext("2d");
  context.font = font;
  return context.measureText(text.replace(/<[^>]+>/g, "")).width;
}

function titled(layout, width, el) {
  // plotly draws a title on one line, cut off at the figure's edge: one wider than the figure
  // (measured in the page's font: a phone, or Russian's longer words) wraps at spaces, and the
  // plot moves down for it
  const text = layout.title?.text;
  if (!text || !width || text.includes("<br>")) return layout;
  const size = layout.title?.font?.size ?? 16;
  const font = `600 ${size}px ${getComputedStyle(el).fontFamily}`;
  const room = width - 12;
  if (textWidth(text, font) <= room) return layout;
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, font) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const extra = (lines.length - 1) * TITLE_LINE_PX;
  layout.title = { ...layout.title, text: lines.join("<br>") };
  layout.margin = { ...(layout.margin ?? {}), t: (layout.margin?.t ?? 100) + extra };
  layout.height = (layout.height ?? 450) + extra;
  return layout;
}

function whenVisible(el) {
  // a chart far below the fold is drawn when the reader scrolls near it, so the page's first
  // paint and its first clicks do not wait for it. "Near" must hold for a moment: while the page
  // streams in, the elements above may not have their height yet, and a far chart passes by the
  // window before the layout settles.
  if (!("IntersectionObserver" in window)) return Promise.resolve();
  return new Promise((resolve) => {
    let timer;
    const near = () => el.getBoundingClientRect().top < window.innerHeight + LAZY_MARGIN_PX;
    const seen = new IntersectionObserver(
      (entries) => {
        clearTimeout(timer);
        if (!entries.at(-1).isIntersecting) return;
        timer = setTimeout(() => {
          if (!el.isConnected || !near()) return;
          seen.disconnect();
          resolve();
        }, LAZY_SETTLE_MS);
      },
      { rootMargin: `${LAZY_MARGIN_PX}px 0px` },
    );
    seen.observe(el);
  });
}

function followWidth(el) {
  // keep an aspect-sized figure's height right when the column's width changes
  if (el.__cicaResize || !("ResizeObserver" in window)) return;
  let last = el.clientWidth;
  el.__cicaResize = new ResizeObserver(() => {
    const width = el.clientWidth;
    const layout = el.layout;
    if (!layout?.meta?.cica_height || Math.abs(width - last) < 8 || !window.Plotly) return;
    last = width;
    const height = heightFor(layout, width);
    el.style.minHeight = `${height}px`; // the box keeps its size while plotly draws anew
    window.Plotly.relayout(el, { height });
  });
  el.__cicaResize.observe(el);
}

export default function ({ parentElement, data, setTriggerValue }) {
  const el = parentElement.querySelector(".cica-plotly");
  const note = parentElement.querySelector(".cica-plotly-note");
  const figure = JSON.parse(data.figure);
  const draw = (el.__cicaDraw = (el.__cicaDraw ?? 0) + 1); // only the latest call's outcome counts
  el.__cicaTrigger = setTriggerValue; // the click handler below always reports through the latest one
  el.__cicaClicksOn = Boolean(data.clicks);
  el.dataset.cicaLazy = data.lazy ? "1" : ""; // drawn when near the window (tests compare the others)
  const width = el.clientWidth || parentElement.clientWidth;
  if (figure.layout) {
    figure.layout.height = heightFor(figure.layout, width);
    narrowed(figure.layout, width);
    titled(figure.layout, width, el);
  }
  el.style.minHeight = `${figure.layout?.height ?? 450}px`; // no jump when plotly.js arrives
  const ready = data.lazy && !el.__cicaDrawn ? whenVisible(el) : Promise.resolve();
  const drawn = ready
    .then(() => loadPlotly(data.src))
    .then((Plotly) => {
      if (draw !== el.__cicaDraw) return undefined;
      const layout = themed(figure.layout ?? {}, el);
      return Plotly.react(el, { data: figure.data, layout, frames: figure.frames, config: data.config }).then(() => {
        if (draw !== el.__cicaDraw) return; // left the page while drawing (purged below)
        el.__cicaDrawn = true;
        followWidth(el);
        note.hidden = true;
        if (!el.__cicaClicks) {
          el.__cicaClicks = true;
          el.on("plotly_click", (event) => el.__cicaClicksOn && el.__cicaTrigger("click", clicked(event.points)));
        }
      });
    })
    .catch((err) => {
      if (draw !== el.__cicaDraw) return;
      window.Plotly?.purge(el); // a clean start for the next draw (this drops the click handler too)
      el.__cicaClicks = false;
      note.textContent = `The chart could not be drawn: ${err.message}`;
      note.hidden = false;
    });
  // called when the chart leaves the page (and, at once, when a newer call replaces this one)
  return () => {
    if (!el.isConnected) {
      el.__cicaDraw += 1; // a draw not yet begun is dropped
      el.__cicaResize?.disconnect();
      // plotly's resize listener would keep it alive. A draw already under way (a map waits
      // for its country shapes) ends first: purged under it, plotly reads what purge removed
      drawn.finally(() => window.Plotly?.purge(el));
    }
  };
}
