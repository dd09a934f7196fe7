// The results page's weights panel: moving a slider re-ranks the vendors at once.
//
// The score is the engine's formula (assessment/engine/rank.py, weighted_score): the same
// operations in the same order over the same numbers, so the page shows exactly what the
// engine computes for these weights. The sliders are on the 0-10 scale of
// "criteria_weights"; "Save these weights" submits them as a new result.
(function () {
  "use strict";
  var dataNode = document.getElementById("workspace-data");
  var form = document.getElementById("weights-form");
  var list = document.getElementById("vendor-list");
  if (!dataNode || !form || !list) {
    return;
  }
  var data = JSON.parse(dataNode.textContent);
  var sliders = Array.prototype.slice.call(form.querySelectorAll("input.weight"));
  var status = document.getElementById("weights-status");
  var initialOrder = Array.prototype.slice.call(list.querySelectorAll("article.vendor-result"));
  var initial = {};
  initialOrder.forEach(function (card) {
    initial[card.dataset.slug] = {
      score: card.querySelector(".score-badge").textContent,
      rank: card.querySelector(".rank-no").textContent,
      tied: !card.querySelector(".tied").hidden,
    };
  });

  function points() {
    var out = {};
    sliders.forEach(function (s) {
      out[s.dataset.criterion] = Number(s.value);
    });
    return out;
  }

  function normalised(raw) {
    var total = 0;
    Object.keys(raw).forEach(function (k) {
      total += raw[k];
    });
    var out = {};
    Object.keys(raw).forEach(function (k) {
      out[k] = total ? raw[k] / total : 0;
    });
    return out;
  }

  // rank.weighted_score: 0-100, one decimal, rounded half up.
  function score(weights, criteria) {
    var total = 0;
    var weighted = 0;
    Object.keys(criteria).forEach(function (key) {
      total += weights[key];
      weighted += weights[key] * criteria[key];
    });
    if (!total) {
      return 0;
    }
    return Math.floor(100 * 10 * weighted / total + 0.5) / 10;
  }

  function formatScore(value) {
    var text = value.toFixed(1);
    return document.documentElement.lang === "id" ? text.replace(".", ",") : text;
  }

  function rerank() {
    var weights = normalised(points());
    var rows = data.vendors.map(function (v) {
      return { slug: v.slug, name: v.name, score: score(weights, v.criteria) };
    });
    // The engine's order: score, then name, then slug.
    rows.sort(function (a, b) {
      if (b.score !== a.score) {
        return b.score - a.score;
      }
      if (a.name !== b.name) {
        return a.name < b.name ? -1 : 1;
      }
      return a.slug < b.slug ? -1 : 1;
    });
    var counts = {};
    rows.forEach(function (row, i) {
      row.rank = i && row.score === rows[i - 1].score ? rows[i - 1].rank : i + 1;
      counts[row.rank] = (counts[row.rank] || 0) + 1;
    });
    rows.forEach(function (row) {
      var card = document.getElementById("vendor-" + row.slug);
      if (!card) {
        return;
      }
      card.querySelector(".score-badge").textContent = formatScore(row.score);
      card.querySelector(".rank-no").textContent = String(row.rank);
      card.querySelector(".tied").hidden = counts[row.rank] < 2;
      list.appendChild(card);
    });
    if (status) {
      status.textContent = status.dataset.done || "";
    }
  }

  function restore() {
    initialOrder.forEach(function (card) {
      var was = initial[card.dataset.slug];
      card.querySelector(".score-badge").textContent = was.score;
      card.querySelector(".rank-no").textContent = was.rank;
      card.querySelector(".tied").hidden = !was.tied;
      list.appendChild(card);
    });
    if (status) {
      status.textContent = "";
    }
  }

  sliders.forEach(function (slider) {
    slider.addEventListener("input", function () {
      var out = document.getElementById(slider.id + "-out");
      if (out) {
        out.textContent = slider.value;
      }
      slider.setAttribute("aria-valuetext", slider.value + " / 10");
      rerank();
    });
  });
  form.addEventListener("reset", function () {
    // The form resets its inputs after this event: restore once it has.
    window.setTimeout(function () {
      sliders.forEach(function (slider) {
        var out = document.getElementById(slider.id + "-out");
        if (out) {
          out.textContent = slider.value;
        }
        slider.setAttribute("aria-valuetext", slider.value + " / 10");
      });
      restore();
    }, 0);
  });
})();
