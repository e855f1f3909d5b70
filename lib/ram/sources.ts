// A share's source constraints (ListSourceAssociations): where its service principals may use its resources from.
import { paginateListSourceAssociations, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';

export interface ShareSource {
  sourceId: string;
  sourceType: string;
  status: string;
}

export async function readShareSources(accountId: string, region: string, resourceShareArn: string): Promise<ShareSource[]> {
  const client = getClient(RAMClient, { accountId, region });
  const out: ShareSource[] = [];
  for await (const page of paginateListSourceAssociations({ client }, { resourceShareArns: [resourceShareArn] })) {
    for (const s of page.sourceAssociations ?? []) {
      if (s.status !== 'DISASSOCIATED') out.push({ sourceId: s.sourceId ?? '', sourceType: s.sourceType ?? '', status: s.status ?? '' });
    }
  }
  return out;
}
