import { useEffect, useState } from 'react';
import { api } from '../../api/keel';
import { Notice } from '../../components/Notice';

/**
 * Settings' notice when Keel does not believe this desktop's idle time (it read 0 all through a
 * locked screen, or there is none): one sentence on what Keel goes by instead. Read when Settings
 * opens and again whenever main says the verdict changed (the 'desktop' topic). Nothing while the
 * idle time is believed, or when the question cannot be answered.
 */
export function IdleTrustNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let generation = 0;
    const read = () => {
      const mine = ++generation;
      void api.desktop.idleTrust().then((outcome) => {
        if (mine === generation) setNotice(outcome.ok ? outcome.value.notice : null);
      });
    };
    read();
    const unsubscribe = api.onState((event) => {
      if (event.type === 'changed' && event.topics.includes('desktop')) read();
    });
    return () => {
      generation++;
      unsubscribe();
    };
  }, []);
  return notice === null ? null : <Notice tone="info">{notice}</Notice>;
}
