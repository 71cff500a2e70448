/**
 * Floyd–Rivest selection: rearranges `a[left..right]` in place so that `a[k]` holds the value it would
 * have after sorting, everything before it is ≤ and everything after it is ≥. Expected O(n), no sort.
 * `a` must hold no NaN (callers copy numbers in with missing values already dropped).
 */
export function quickselect(a: Float64Array, k: number, left = 0, right = a.length - 1): Float64Array {
  while (right > left) {
    // On large ranges, first narrow [left, right] around k by selecting within a small sample.
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      quickselect(a, k, newLeft, newRight);
    }

    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);

    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return a;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
