import { Button, Group, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { defaultKeywordLists, defaultKeywordReply, type Keyword } from '@app/rules';
import type { KeywordList, PhoneNumberFormValues } from './phone-number-form';

const LISTS: Array<{ list: KeywordList; keyword: Keyword; words: string; reply: string; does: string }> = [
  {
    list: 'optOut',
    keyword: 'opt_out',
    words: 'Opt-out keywords',
    reply: 'Opt-out confirmation',
    does: 'Stop all messages to the member; STOP must stay in this list',
  },
  {
    list: 'optIn',
    keyword: 'opt_in',
    words: 'Opt-in keywords',
    reply: 'Opt-in confirmation',
    does: 'Subscribe an opted-out member again (from anyone else they are ordinary answers)',
  },
  {
    list: 'help',
    keyword: 'help',
    words: 'Help keywords',
    reply: 'Help reply',
    does: 'Answered with the help text, whoever sends them',
  },
];

/**
 * A number's compliance keywords (a whole message, any case, punctuation ignored) and the text
 * each list is answered with; an empty text sends the default, shown as the placeholder.
 */
export function KeywordFields({
  form,
  brand,
}: {
  form: UseFormReturnType<PhoneNumberFormValues>;
  brand: string;
}) {
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        A message that is only one of these words acts on the member. Press Enter or a comma after each word.
      </Text>
      {LISTS.map(({ list, keyword, words, reply, does }) => (
        <SimpleGrid key={list} cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
          <TagsInput
            label={words}
            description={does}
            clearable={false}
            splitChars={[',']}
            {...form.getInputProps(`keywords.${list}`)}
          />
          <Textarea
            label={reply}
            description="Leave empty to send the default text (shown in grey)"
            placeholder={defaultKeywordReply(keyword, brand)}
            autosize
            minRows={2}
            {...form.getInputProps(`keywordReplies.${list}`)}
          />
        </SimpleGrid>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => form.setFieldValue('keywords', defaultKeywordLists())}
        >
          Restore default keywords
        </Button>
      </Group>
    </Stack>
  );
}
