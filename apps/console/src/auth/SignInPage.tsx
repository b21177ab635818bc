import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, describeError } from '../api/errors';
import { SESSION_KEY } from './session';
import { signIn } from './session-api';

export const SignInFields = z.object({
  email: z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter a valid email address')),
  password: z.string().min(1, 'Enter your password'),
});

function signInProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return `Too many attempts. Try again ${wait ? `in ${wait} second${wait === 1 ? '' : 's'}` : 'in a minute'}.`;
  }
  return describeError(error);
}

/** Email and password; the session cookie comes back from the api. */
export function SignInPage() {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: schemaResolver(SignInFields, { sync: true }),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await signIn(values.email.trim(), values.password);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (error) {
      setProblem(signInProblem(error));
      form.setFieldValue('password', '');
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper w="100%" maw={400} shadow="sm" p="xl">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h3">
                Sign in
              </Title>
              <Text c="dimmed" size="sm">
                to the twilio-agents console
              </Text>
            </div>
            {problem ? (
              <Alert color="red" role="alert" title="Not signed in">
                {problem}
              </Alert>
            ) : null}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
