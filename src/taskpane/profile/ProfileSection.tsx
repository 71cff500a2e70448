// Council first: pick my council once (remembered in the workbook, or the browser on the preview page),
// then what to compare it with, and see every metric where it stands; a metric's name opens its detail.
import { Button, Caption1, Field, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { councilProfile, type CouncilProfile } from "../../core/profile.js";
import { describeError } from "../../excel/errors.js";
import type { BenchmarkWorkbook } from "../../excel/index.js";
import { FitSelect } from "../FitSelect.js";
import { NoticeArea, useNotice, type NoticeMessage } from "../Notice.js";
import { useCustomGroups } from "../useCustomGroups.js";
import type { Data } from "../useData.js";
import { StepProgress, type Steps } from "../StepProgress.js";
import { CouncilPicker } from "./CouncilPicker.js";
import { MetricDetail, ThemeRatings } from "./lazy.js";
import type { ProfileMemory } from "./memory.js";
import { ProfileList } from "./ProfileList.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold },
});

export interface ProfileSectionProps {
  data: Data;
  workbook?: () => Promise<BenchmarkWorkbook>;
  memory: ProfileMemory;
}

/** The comparisons on offer, LADE's first: the default compares each council as LADE did. */
export const COMPARISONS: readonly { id: string; label: string }[] = [
  { id: "", label: "England (LADE's comparison)" },
  { id: "nearest", label: "CIPFA nearest neighbours" },
  { id: "type", label: "Same type of council" },
  { id: "region", label: "Same region and tier" },
  { id: "tier", label: "Same tier (as LADE compared)" },
];

const BUILT_IN = new Set(COMPARISONS.map((c) => c.id));

type Computed = { profile: CouncilProfile } | { error: string } | { waiting: string };

export function ProfileSection({ data, workbook, memory }: ProfileSectionProps) {
  const styles = useStyles();
  const [council, setCouncil] = useState("");
  const [group, setGroup] = useState("");
  const [open, setOpen] = useState<string>();
  const councilNotice = useNotice();
  const sheetNotice = useNotice();
  const [sheetProgress, setSheetProgress] = useState<Steps>();
  const custom = useCustomGroups(workbook);
  const rowElements = useRef(new Map<string, HTMLElement>());
  const returnTo = useRef<string | undefined>(undefined);
  const chosenByUser = useRef(false);
  const { ensure } = data;

  // The council remembered from last time: shown as soon as the data is there.
  useEffect(() => {
    let live = true;
    memory.load().then(
      (r) => {
        if (!live || !r || chosenByUser.current) return;
        setCouncil(r.council);
        setGroup(r.group);
        void ensure();
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [memory, ensure]);

  const remember = (choice: { council: string; group: string }, said?: NoticeMessage) => {
    memory.save(choice).then(
      () => said && councilNotice.notify(said),
      (e: unknown) =>
        councilNotice.notify({
          intent: "warning",
          title: "Your choice was not remembered",
          text: `${describeError(e)}. The profile still shows it for now.`,
        }),
    );
  };

  const session = data.session;
  const groupsKey = JSON.stringify(custom.groups ?? []);
  const benchmarks = useMemo(
    () => session?.benchmarks.withCustomGroups(custom.groups ?? []),
    // The groups are read again on every focus: only a real change makes new benchmarks.
    [session, data.revision, groupsKey],
  );

  const computed = useMemo((): Computed | undefined => {
    if (!benchmarks || !council) return undefined;
    if (group && !BUILT_IN.has(group)) {
      if (workbook && custom.groups === undefined && !custom.error && custom.hasTable !== false)
        return { waiting: "Reading this workbook's comparator groups…" };
      if (!custom.groups?.some((g) => g.name === group))
        return {
          error: `The group "${group}" is not in this workbook's ComparatorGroups table any more: choose another comparison.`,
        };
    }
    try {
      return { profile: councilProfile(benchmarks, council, { group: group || undefined }) };
    } catch (e) {
      return { error: describeError(e) };
    }
  }, [benchmarks, council, group, workbook, custom.groups, custom.error, custom.hasTable]);

  const profile = computed && "profile" in computed ? computed.profile : undefined;
  const directory = session?.benchmarks.directory;

  const chooseCouncil = (code: string) => {
    chosenByUser.current = true;
    setCouncil(code);
    setOpen(undefined);
    const name = directory?.byCode(code)?.shortName ?? code;
    remember(
      { council: code, group },
      {
        intent: "success",
        text: `Showing the profile of ${name}. It is remembered ${workbook ? "in this workbook" : "in this browser"} for next time.`,
      },
    );
  };

  const chooseGroup = (id: string) => {
    chosenByUser.current = true;
    setGroup(id);
    setOpen(undefined);
    if (council) remember({ council, group: id });
  };

  const registerRow = useCallback((metric: string, el: HTMLElement | null) => {
    if (el) rowElements.current.set(metric, el);
    else rowElements.current.delete(metric);
  }, []);

  const openDetail = (metric: string) => {
    returnTo.current = metric;
    setOpen(metric);
  };

  // Back from a detail: focus returns to the metric it was opened from.
  useEffect(() => {
    if (open || !returnTo.current) return;
    rowElements.current.get(returnTo.current)?.focus();
    returnTo.current = undefined;
  }, [open]);

  const smallRows = profile?.rows.filter((r) => r.flags.includes("small-comparison")) ?? [];
  const groupNotice: NoticeMessage | undefined =
    computed && "error" in computed
      ? { intent: "error", title: "No profile for this comparison", text: computed.error }
      : smallRows.length
        ? {
            intent: "warning",
            title: "Small comparison",
            text: `In ${profile!.comparison}, ${smallRows.length === 1 ? "one metric has" : `${smallRows.length} metrics have`} fewer than 5 councils with a value (as few as ${Math.min(...smallRows.map((r) => r.compared))}): ranks and scores among so few councils are fragile.`,
          }
        : undefined;

  const detailRow = open ? profile?.rows.find((r) => r.metric === open) : undefined;

  /** Writes this profile to a sheet of its own, refreshed like the other tables. */
  const insertProfile = async () => {
    if (!workbook || !profile) return;
    sheetNotice.notify(undefined);
    setSheetProgress({ done: 0, total: 2, what: "Computing the profile" });
    try {
      const done = await (
        await workbook()
      ).insertProfile(
        { council: profile.council.code, group: group || undefined },
        "new-sheet",
        (d, total, what) => setSheetProgress({ done: d, total, what }),
      );
      sheetNotice.notify({
        intent: "success",
        text: `Inserted the profile of ${profile.council.shortName} on sheet ${done.sheet} (${done.rows} metrics).`,
      });
    } catch (e) {
      sheetNotice.notify({ intent: "error", title: "The profile was not inserted", text: describeError(e) });
    } finally {
      setSheetProgress(undefined);
    }
  };
  const loading = data.status === "loading" || (!!council && !session && data.status !== "error");

  return (
    <section className={styles.root} aria-labelledby="profile-heading">
      <Subtitle1 as="h2" id="profile-heading">
        Council profile
      </Subtitle1>
      <CouncilPicker
        directory={directory}
        value={council}
        onChange={chooseCouncil}
        onFocus={() => void ensure()}
        loading={data.status === "loading"}
      />
      <NoticeArea notice={councilNotice.notice} onDismiss={councilNotice.dismiss} />
      <Field
        label="Compare my council with"
        hint="Bands always compare with England's councils that provide the service; ranks are within this comparison."
      >
        <FitSelect value={group} onChange={(_e, d) => chooseGroup(d.value)}>
          {COMPARISONS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
          {!!custom.groups?.length && (
            <optgroup label="This workbook's groups">
              {custom.groups.map((g) => (
                <option key={`custom:${g.name}`} value={g.name}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          )}
        </FitSelect>
      </Field>
      <NoticeArea notice={groupNotice} />
      <div role="status" aria-live="polite">
        {loading && <Spinner size="tiny" label="Loading the data…" />}
        {computed && "waiting" in computed && <Caption1>{computed.waiting}</Caption1>}
        {profile && !open && (
          <Caption1 className={styles.title}>
            Profile of {profile.council.shortName}: {profile.rows.length} metrics, compared within{" "}
            {profile.comparison}.
          </Caption1>
        )}
      </div>
      {profile && benchmarks && detailRow && (
        <Suspense fallback={<Spinner size="tiny" label="Opening the metric…" />}>
          <MetricDetail
            benchmarks={benchmarks}
            council={profile.council}
            group={group}
            comparison={profile.comparison}
            row={detailRow}
            onBack={() => setOpen(undefined)}
            release={session?.releaseOf(detailRow.metric)}
          />
        </Suspense>
      )}
      {profile && workbook && !detailRow && (
        <div>
          <Button disabled={!!sheetProgress} onClick={() => void insertProfile()}>
            Insert profile
          </Button>
          {sheetProgress && <StepProgress label="Inserting the profile" steps={sheetProgress} />}
          <NoticeArea notice={sheetNotice.notice} onDismiss={sheetNotice.dismiss} />
        </div>
      )}
      {profile && benchmarks && !detailRow && (
        <Suspense fallback={<Spinner size="tiny" label="Rating the Best Value themes…" />}>
          <ThemeRatings benchmarks={benchmarks} council={profile.council} group={group} workbook={workbook} />
        </Suspense>
      )}
      {profile && benchmarks && !detailRow && (
        <ProfileList
          profile={profile}
          benchmarks={benchmarks}
          group={group}
          onOpen={openDetail}
          registerRow={registerRow}
        />
      )}
    </section>
  );
}
