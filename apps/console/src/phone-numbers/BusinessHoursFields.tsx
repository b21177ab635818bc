import { useMemo } from 'react';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { DAY_NAMES, DAYS, type Day, type PhoneNumberFormValues } from './phone-number-form';
import { SelectField } from '../shared/form-fields';

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

/** Opening hours per day in one time zone; a day with no hours is closed. */
export function BusinessHoursFields({ form }: { form: UseFormReturnType<PhoneNumberFormValues> }) {
  const values = form.values;
  const zones = useMemo(() => timeZones(values.businessHours.timeZone), [values.businessHours.timeZone]);
  // One end of an interval: "Monday opens" 09:00.
  const timeInput = (day: Day, index: number, end: 'open' | 'close', verb: string) => {
    const path = `businessHours.days.${day}.${index}.${end}`;
    return (
      <TextInput
        type="time"
        aria-label={`${DAY_NAMES[day]} ${verb}`}
        w={120}
        key={form.key(path)}
        {...form.getInputProps(path)}
      />
    );
  };
  return (
    <Stack gap="sm">
      <SelectField
        field="businessHours.timeZone"
        label="Time zone"
        searchable
        data={zones}
        maw={360}
        allowDeselect={false}
        key={form.key('businessHours.timeZone')}
      />
      {DAYS.map((day) => {
        const intervals = values.businessHours.days[day];
        return (
          <Group key={day} align="flex-start" gap="sm" wrap="wrap">
            <Text w={96} pt={8} fw={500} size="sm">
              {DAY_NAMES[day]}
            </Text>
            <Stack gap={6} style={{ flex: '1 1 14rem' }}>
              {intervals.length === 0 ? (
                <Text c="dimmed" size="sm" pt={8}>
                  Closed
                </Text>
              ) : (
                intervals.map((_, index) => (
                  <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                    {timeInput(day, index, 'open', 'opens')}
                    <Text pt={8} size="sm" c="dimmed">
                      to
                    </Text>
                    {timeInput(day, index, 'close', 'closes')}
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={4}
                      aria-label={`Remove ${DAY_NAMES[day]} ${values.businessHours.days[day][index].open} to ${values.businessHours.days[day][index].close}`}
                      onClick={() => form.removeListItem(`businessHours.days.${day}`, index)}
                    >
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))
              )}
            </Stack>
            <Button
              variant="subtle"
              size="compact-sm"
              mt={6}
              leftSection={<IconPlus size={14} aria-hidden />}
              aria-label={`Add hours on ${DAY_NAMES[day]}`}
              onClick={() =>
                form.insertListItem(`businessHours.days.${day}`, {
                  open: intervals.at(-1)?.close ?? '09:00',
                  close: '17:00',
                })
              }
            >
              Add hours
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
