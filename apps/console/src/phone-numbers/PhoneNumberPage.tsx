import { Anchor, Badge, Group, Paper } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../shared/PageHeader';
import { ErrorNotice, Loading } from '../shared/QueryState';
import {
  useCurrentWorkspace,
  usePhoneNumber,
  useUpdatePhoneNumber,
  useWorkflowOptions,
} from './phone-number-api';
import { PhoneNumberForm } from './PhoneNumberForm';

export function PhoneNumberPage() {
  const { id = '' } = useParams();
  const number = usePhoneNumber(id);
  const workspace = useCurrentWorkspace();
  const workflows = useWorkflowOptions();
  const update = useUpdatePhoneNumber(id);

  const failed = number.error ?? workspace.error ?? workflows.error;
  const body = failed ? (
    <ErrorNotice
      error={failed}
      onRetry={() => {
        void number.refetch();
        void workspace.refetch();
        void workflows.refetch();
      }}
    />
  ) : !number.data || !workspace.data || !workflows.data ? (
    <Loading label="Loading the number…" />
  ) : (
    <Paper>
      <PhoneNumberForm
        key={number.data.id}
        number={number.data}
        whatsappFeature={workspace.data.features.includes('whatsapp')}
        workflows={workflows.data}
        onSave={(patch) => update.mutateAsync(patch)}
      />
    </Paper>
  );

  return (
    <>
      <Anchor component={Link} to="/phone-numbers" size="sm">
        ← Phone numbers
      </Anchor>
      <PageHeader
        title={number.data?.number ?? 'Phone number'}
        description={
          number.data?.archived ? (
            <Group gap="xs" component="span">
              <Badge color="gray" variant="outline" radius="sm" tt="none">
                Archived
              </Badge>
              This number no longer receives or sends.
            </Group>
          ) : (
            'Channels, workflow and hours of this number'
          )
        }
      />
      {body}
    </>
  );
}
