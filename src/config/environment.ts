import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const BOOLEAN = ['true', 'false'];

/** The environment as given: every setting of API.md "Running", each checked once at start. */
export class Environment {
  @IsOptional()
  @IsInt({ message: 'PORT must be an integer from 0 to 65535' })
  @Min(0, { message: 'PORT must be an integer from 0 to 65535' })
  @Max(65535, { message: 'PORT must be an integer from 0 to 65535' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F:.]+$|^localhost$/, {
    message: 'HOST must be an IP address such as 127.0.0.1 or 0.0.0.0',
  })
  HOST?: string;

  @IsOptional()
  @Matches(/^(sqlite:.+|(kurrentdb|esdb)(\+discover)?:\/\/.+|postgres(ql)?:\/\/.+)$/, {
    message:
      'STORYLINE_STORE must be sqlite:<file>, a kurrentdb://… / esdb://… or a postgres://… connection string',
  })
  STORYLINE_STORE?: string;

  @IsOptional()
  @Matches(/^sqlite:.+$/, { message: 'STORYLINE_READ_MODEL must be sqlite:<file>' })
  STORYLINE_READ_MODEL?: string;

  @IsOptional()
  @Matches(
    /^[^:,\s]+:(reporter|editor|admin):[^:,\s]{16,}(,[^:,\s]+:(reporter|editor|admin):[^:,\s]{16,})*$/,
    {
      message:
        'STORYLINE_TOKENS must be comma-separated name:role:token entries, role one of reporter, editor, admin, token at least 16 characters',
    },
  )
  STORYLINE_TOKENS?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'STORYLINE_PUBLIC_READ must be true or false' })
  STORYLINE_PUBLIC_READ?: string;

  @IsOptional()
  @Matches(/^\d+(b|kb|mb)?$/i, {
    message: 'STORYLINE_MAX_BODY must be a size such as 64kb, 1mb or 65536',
  })
  STORYLINE_MAX_BODY?: string;

  @IsOptional()
  @IsIn(BOOLEAN, { message: 'STORYLINE_DEMO must be true or false' })
  STORYLINE_DEMO?: string;
}

/** A setting that cannot be used: the process stops with this message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SETTINGS = [
  'PORT',
  'HOST',
  'STORYLINE_STORE',
  'STORYLINE_READ_MODEL',
  'STORYLINE_TOKENS',
  'STORYLINE_PUBLIC_READ',
  'STORYLINE_MAX_BODY',
  'STORYLINE_DEMO',
] as const;

/** Picks storyline's settings out of an environment, validates them, and names every bad one. */
export function validateEnvironment(env: NodeJS.ProcessEnv): Environment {
  const picked: Record<string, unknown> = {};
  for (const name of SETTINGS) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = name === 'PORT' ? Number(value) : value;
  }
  const environment = plainToInstance(Environment, picked);
  const errors = validateSync(environment);
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  return environment;
}
