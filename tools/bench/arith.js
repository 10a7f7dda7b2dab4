/* The two arithmetic backends of tools/bench/peer.js, for `make bench` only: one function
   expression of big.js's constructor, evaluated in the page.
   - float: JavaScript numbers; rounding and display with toFixed(2), as a plain JS page would.
   - exact: big.js decimals, 四舍五入 (round half away from zero, big.js's roundHalfUp), divisions
     to big.js's default 20 decimal places. */
(function arith(Big) {
  'use strict';
  var float = {
    of: function (p) { var v = +p.t; return p.x ? v * 1e4 : v; },
    int: function (n) { return n; },
    add: function (a, b) { return a + b; },
    sub: function (a, b) { return a - b; },
    mul: function (a, b) { return a * b; },
    div: function (a, b) { return a / b; },
    abs: function (a) { return Math.abs(a); },
    cmp: function (a, b) { return a < b ? -1 : a > b ? 1 : 0; },
    isZero: function (a) { return a === 0; },
    round2: function (a) { return +a.toFixed(2); },
    round: function (a, dp) { return +a.toFixed(dp); },
    fix2: function (a) { return a.toFixed(2); },
    plain: function (a) { return String(a); },
  };

  var D = Big(); // a constructor of our own, so its settings are ours
  D.DP = 20;
  D.RM = Big.roundHalfUp;
  var HALF_UP = Big.roundHalfUp;
  var Z = new D(0);
  var exact = {
    of: function (p) { var v = new D(p.t); return p.x ? v.times(10000) : v; },
    int: function (n) { return new D(n); },
    add: function (a, b) { return a.plus(b); },
    sub: function (a, b) { return a.minus(b); },
    mul: function (a, b) { return a.times(b); },
    div: function (a, b) { return a.div(b); },
    abs: function (a) { return a.abs(); },
    cmp: function (a, b) { return a.cmp(b); },
    isZero: function (a) { return a.eq(Z); },
    round2: function (a) { return a.round(2, HALF_UP); },
    round: function (a, dp) { return a.round(dp, HALF_UP); },
    fix2: function (a) { return a.toFixed(2, HALF_UP); },
    plain: function (a) { return a.toFixed(); },
  };
  return { float: float, exact: exact };
})
