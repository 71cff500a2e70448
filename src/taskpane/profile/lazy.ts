// The profile's charts and its detail view load on first use, in chunks of their own, so the pane's first
// paint does not wait for them.
import { lazy } from "react";

export const StripChart = lazy(() =>
  import(/* webpackChunkName: "profile-charts" */ "./StripChart.js").then((m) => ({ default: m.StripChart })),
);

export const MetricDetail = lazy(() =>
  import(/* webpackChunkName: "profile-detail" */ "./MetricDetail.js").then((m) => ({
    default: m.MetricDetail,
  })),
);

export const ThemeRatings = lazy(() =>
  import(/* webpackChunkName: "profile-themes" */ "./ThemeRatings.js").then((m) => ({
    default: m.ThemeRatings,
  })),
);
