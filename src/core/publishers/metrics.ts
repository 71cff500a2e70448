// The catalogue metrics each publisher's file holds, by source id: shared by the readers and by the
// sources (which must know them without loading the readers).
export const PUBLISHER_METRICS = {
  "defra-env18": [
    "household-waste-recycling-rate",
    "residual-household-waste-per-household",
    "recycling-contamination-rate",
  ],
  "dft-rdc0120": ["a-roads-maintenance-should-be-considered", "bc-roads-maintenance-should-be-considered"],
  "mhclg-revenue-outturn-rs": [
    "unallocated-reserves",
    "earmarked-reserves",
    "net-revenue-expenditure",
    "total-service-expenditure",
    "adult-social-care-net-current-expenditure",
    "childrens-social-care-net-current-expenditure",
    "non-ringfenced-reserves-pct-net-revenue-expenditure",
    "non-ringfenced-reserves-pct-total-service-expenditure",
  ],
  "mhclg-planning-p153": ["non-major-planning-decisions-in-time"],
} as const satisfies Record<string, readonly string[]>;
