/* Small SVG charts for the dashboard: grouped bars or lines over labelled periods. No dependencies. */
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const WIDTH = 480, HEIGHT = 220, LEFT = 44, RIGHT = 8, TOP = 10, BOTTOM = 28;

  function element(name, attributes, text) {
    const node = document.createElementNS(NS, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A "nice" gridline step for four or so steps up to value: 1, 2 or 5 times a power of ten. */
  function niceStep(value, percent) {
    const rough = Math.max(value, percent ? 0.04 : 4) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    return [1, 2, 5, 10].map(step => step * power).find(step => step >= rough);
  }

  /**
   * Draws into container: {labels: [...] (e.g. "Jan 2026"), series: [{name, color, values: [...], withheld: [...]}],
   * kind: "bar" | "line", percent: values are fractions shown as percentages}. A value withheld by disclosure
   * control (null, withheld[i] true) is marked "c" on the axis, so it is not read as nothing.
   */
  function render(container, {labels, series, kind, percent}) {
    container.replaceChildren();
    const format = value => percent ? Math.round(value * 100) + "%" : String(Math.round(value));
    const highest = Math.max(0, ...series.flatMap(s => s.values.filter(v => v !== null)));
    const step = niceStep(highest, percent);
    const steps = Math.max(1, Math.ceil(highest / step));
    const max = step * steps;
    const plotWidth = WIDTH - LEFT - RIGHT, plotHeight = HEIGHT - TOP - BOTTOM;
    const y = value => TOP + plotHeight - (value / max) * plotHeight;
    const slot = plotWidth / Math.max(1, labels.length);
    const svg = element("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
      "aria-label": series.map(s => s.name).join(", ")});

    for (let i = 0; i <= steps; i++) {
      const value = step * i;
      svg.append(element("line", {class: "axis", x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value)}));
      svg.append(element("text", {x: LEFT - 4, y: y(value) + 3, "text-anchor": "end"}, format(value)));
    }
    // A label's first word on the axis ("Jan"), the rest ("2026") beneath it where it first appears or changes.
    const every = Math.ceil(labels.length / 12);
    let shownBelow = null;
    labels.forEach((label, i) => {
      if (i % every !== 0) return;
      const [above, ...rest] = label.split(" ");
      const below = rest.join(" ");
      const x = LEFT + slot * (i + 0.5);
      svg.append(element("text", {class: "period", x, y: HEIGHT - 16, "text-anchor": "middle"}, above));
      if (below && below !== shownBelow) {
        svg.append(element("text", {class: "period-below", x, y: HEIGHT - 4, "text-anchor": "middle"}, below));
        shownBelow = below;
      }
    });

    series.forEach((s, index) => {
      (s.withheld || []).forEach((withheld, i) => {
        if (!withheld) return;
        const width = kind === "bar" ? (slot * 0.8) / series.length : 0;
        const x = kind === "bar" ? LEFT + slot * i + slot * 0.1 + width * (index + 0.5) : LEFT + slot * (i + 0.5);
        const mark = element("text", {class: "withheld", x, y: TOP + plotHeight - 2 - index * 9,
          "text-anchor": "middle", fill: s.color}, "c");
        mark.append(element("title", {}, `${labels[i]} ${s.name}: withheld (small numbers)`));
        svg.append(mark);
      });
      if (kind === "bar") {
        const barWidth = (slot * 0.8) / series.length;
        s.values.forEach((value, i) => {
          if (value === null) return;
          const bar = element("rect", {class: "value", x: LEFT + slot * i + slot * 0.1 + barWidth * index,
            y: y(value), width: Math.max(1, barWidth - 1), height: TOP + plotHeight - y(value), fill: s.color});
          bar.append(element("title", {}, `${labels[i]} ${s.name}: ${format(value)}`));
          svg.append(bar);
        });
      } else {
        const points = s.values.map((value, i) => value === null ? null : [LEFT + slot * (i + 0.5), y(value)]);
        svg.append(element("polyline", {fill: "none", stroke: s.color, "stroke-width": 2,
          points: points.filter(p => p).map(p => p.join(",")).join(" ")}));
        points.forEach((point, i) => {
          if (!point) return;
          const dot = element("circle", {class: "value", cx: point[0], cy: point[1], r: 3, fill: s.color});
          dot.append(element("title", {}, `${labels[i]} ${s.name}: ${format(s.values[i])}`));
          svg.append(dot);
        });
      }
    });
    container.append(svg);

    const legend = document.createElement("div");
    legend.className = "legend";
    series.forEach(s => {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = s.color;
      item.append(swatch, s.name);
      legend.append(item);
    });
    container.append(legend);
  }

  return {render};
})();
