// The badge colour of a RAM status (a share's, a resource's or a principal's association).
import type { BadgeTone } from '@/components/ui';

export const statusTone = (status: string): BadgeTone =>
  status === 'ACTIVE' || status === 'ASSOCIATED' ? 'emerald' : status === 'FAILED' ? 'red' : status === 'DELETING' || status === 'DELETED' || status === 'DISASSOCIATING' ? 'slate' : 'amber';
