// The main view: profiles in a sidebar; the selected profile's generations and the selected one's details.
import { useCallback, useEffect, useMemo } from 'react';
import type { Profile } from '../../../../common/contract/index.ts';
import { CompareControls } from '../components/compare-controls.tsx';
import { DeleteBar } from '../../actions/components/delete-bar.tsx';
import { GenerationActions } from '../../actions/components/generation-actions.tsx';
import { GenerationDetails } from '../components/generation-details.tsx';
import { GenerationList, type ListMarking } from '../components/generation-list.tsx';
import { HistoryChart } from '../../history/components/history-chart.tsx';
import { ProfileHeader } from '../components/profile-header.tsx';
import { ProfileSidebar } from '../components/profile-sidebar.tsx';
import { ProfileStatePanel } from '../components/profile-state-panel.tsx';
import { useOpenDiff } from '../../diff/components/use-open-diff.ts';
import { canDeleteKind, deletionBlock, effectiveMarks } from '../../actions/lib/action-rules.ts';
import { columnsFor } from '../lib/columns.ts';
import { orderedPair, pairWithPrevious } from '../../diff/lib/diff-pairs.ts';
import { newestFirst } from '../lib/generation-order.ts';
import { profileKey } from '../lib/profile-order.ts';
import { useActions, useGenerations, useNow } from '../../../shared/stores/bound-stores.ts';
import { selectedGenerationNumber, selectedProfile } from '../store/generations-store.ts';

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The generations view. */
export function GenerationsView() {
  const profiles = useGenerations((state) => state.list?.profiles ?? null);
  const selectedKey = useGenerations((state) => state.selectedKey);
  const profile = useGenerations(selectedProfile);
  const selectProfile = useGenerations((state) => state.selectProfile);
  const stepProfile = useGenerations((state) => state.stepProfile);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey || typingInto(event.target)) return;
      if (event.key === '[' || event.key === ']') {
        event.preventDefault();
        stepProfile(event.key === '[' ? -1 : 1);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stepProfile]);

  if (!profiles) return null;
  return (
    <div className="generations-view">
      <ProfileSidebar profiles={profiles} selectedKey={selectedKey} onSelect={selectProfile} />
      {profile ? (
        <ProfilePane profile={profile} onStepProfile={stepProfile} />
      ) : (
        <div className="panel-center">
          <section className="panel" data-testid="no-profiles">
            <h2>No profiles found</h2>
            <p>Gentry found no system, home-manager or per-user profiles to show.</p>
          </section>
        </div>
      )}
    </div>
  );
}

function ProfilePane({ profile, onStepProfile }: { profile: Profile; onStepProfile: (delta: number) => void }) {
  const key = profileKey(profile);
  const selectedNumber = useGenerations(selectedGenerationNumber);
  const selectGeneration = useGenerations((state) => state.selectGeneration);
  const now = useNow();
  const generations = useMemo(() => newestFirst(profile.generations), [profile.generations]);
  const columns = useMemo(() => columnsFor(profile.kind, profile.generations), [profile.kind, profile.generations]);
  const onSelect = useCallback((number: number) => selectGeneration(key, number), [key, selectGeneration]);
  const selected = generations.find((generation) => generation.number === selectedNumber) ?? null;
  const openDiff = useOpenDiff();
  const onCompare = useCallback((number: number) => {
    const pair = selectedNumber === null ? null : orderedPair(profile, selectedNumber, number);
    if (pair) openDiff(pair);
    else selectGeneration(key, number);
  }, [profile, selectedNumber, openDiff, selectGeneration, key]);
  const diffWithPrevious = useCallback((number: number | null) => {
    const pair = number === null ? null : pairWithPrevious(profile, number);
    if (pair) openDiff(pair);
  }, [profile, openDiff]);
  const marked = useMemo(() => (selectedNumber === null ? [] : [selectedNumber]), [selectedNumber]);
  const rawMarks = useActions((state) => state.marks[key]);
  const toggleMark = useActions((state) => state.toggleMark);
  const clearMarks = useActions((state) => state.clearMarks);
  const toDelete = useMemo(() => effectiveMarks(profile, rawMarks ?? []), [profile, rawMarks]);
  const marking = useMemo((): ListMarking | undefined => {
    if (!canDeleteKind(profile.kind)) return undefined;
    return { marked: new Set(toDelete), blockedReason: (generation) => deletionBlock(profile.kind, generation), onToggle: (number) => toggleMark(key, number) };
  }, [profile.kind, toDelete, toggleMark, key]);

  return (
    <section className="profile-pane" aria-label={`Profile ${profile.name}`} data-testid="profile-pane" data-profile={key}>
      <ProfileHeader profile={profile} />
      {generations.length === 0 ? (
        <ProfileStatePanel profile={profile} onStepProfile={onStepProfile} />
      ) : (
        <>
          <HistoryChart profile={profile} marked={marked} focusNumber={selectedNumber} onPick={diffWithPrevious} />
          <div className="profile-body">
            <div className="list-column">
              <DeleteBar profile={profile} marked={toDelete} onClear={() => clearMarks(key)} />
                <GenerationList
                profileKey={key}
                label={`Generations of ${profile.name}, newest first`}
                generations={generations}
                columns={columns}
                selectedNumber={selectedNumber}
                now={now}
                onSelect={onSelect}
                onCompare={onCompare}
                onDiffPrevious={() => diffWithPrevious(selectedNumber)}
                onStepProfile={onStepProfile}
                marking={marking}
              />
            </div>
            <GenerationDetails
              kind={profile.kind}
              generation={selected}
              now={now}
              actions={selected && (
                <>
                  <GenerationActions profile={profile} generation={selected} />
                  <CompareControls profile={profile} generation={selected} onOpen={openDiff} />
                </>
              )}
            />
          </div>
        </>
      )}
    </section>
  );
}
